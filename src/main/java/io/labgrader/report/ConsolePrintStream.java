package io.labgrader.report;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;

/**
 * A PrintStream in the console's encoding that fits every text to it ({@link ConsoleEncoding#fit}) before encoding,
 * so that nothing labgrader prints becomes "?". Every text path of PrintStream (print, println, printf/format,
 * append) ends in one of the print methods overridden here; bytes written directly pass unchanged.
 */
public final class ConsolePrintStream extends java.io.PrintStream {

    private final ConsoleEncoding encoding;

    public ConsolePrintStream(OutputStream out, ConsoleEncoding encoding) {
        super(out, true, encoding.charset());
        this.encoding = encoding;
    }

    /** The process's stdout (or stderr) as the JVM opened it, in the console's encoding. */
    public static ConsolePrintStream of(FileDescriptor fd, ConsoleEncoding encoding) {
        return new ConsolePrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), encoding);
    }

    public ConsoleEncoding encoding() {
        return encoding;
    }

    @Override
    public void print(String s) {
        super.print(encoding.fit(String.valueOf(s)));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(Object obj) {
        print(String.valueOf(obj));
    }
}
