package io.labgrader.probe.process;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads one output stream of a process on its own thread, keeping at most {@code max} bytes and counting all of
 * them. With a line listener the stream is read as UTF-8 lines, each handed on as it comes.
 */
final class OutputCapture implements Runnable {

    private final InputStream in;
    private final int max;
    private final Consumer<String> lineListener;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final AtomicLong total = new AtomicLong();
    private final Thread thread;

    OutputCapture(InputStream in, int max, Consumer<String> lineListener, String name) {
        this.in = in;
        this.max = max;
        this.lineListener = lineListener;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            if (lineListener == null) {
                readBytes();
            } else {
                readLines();
            }
        } catch (IOException ignored) {
            // stream closed (the process was stopped): keep what was read
        }
    }

    private void readBytes() throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            keep(buffer, n);
        }
    }

    private void readLines() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            lineListener.accept(line);
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            keep(bytes, bytes.length);
        }
    }

    private void keep(byte[] bytes, int n) {
        synchronized (kept) {
            total.addAndGet(n);
            int room = max - kept.size();
            if (room > 0) {
                kept.write(bytes, 0, Math.min(room, n));
            }
        }
    }

    void await(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean running() {
        return thread.isAlive();
    }

    /** Stops waiting for this stream; closing happens on the side, since close may block while a read is pending. */
    void abandon() {
        Thread closer = new Thread(() -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // the reader thread is a daemon and ends with the stream
            }
        }, thread.getName() + "-close");
        closer.setDaemon(true);
        closer.start();
    }

    long totalBytes() {
        return total.get();
    }

    boolean truncated() {
        return total.get() > max;
    }

    String text() {
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
