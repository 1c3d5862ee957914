package io.labgrader.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bytes between a client and the check server. */
class CheckServerProtocolTest {

    private static byte[] written(CheckServerProtocol.Request request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        request.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static CheckServerProtocol.Request read(byte[] bytes) throws IOException {
        return CheckServerProtocol.Request.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    @DisplayName("a request arrives as sent: arguments with spaces, quotes, umlauts and empty ones, the charsets, the terminal")
    void requestRoundTrip() throws IOException {
        var request = new CheckServerProtocol.Request("jar\0/home/anna\0LANG=de_DE.UTF-8\0", "US-ASCII", "Cp850", true,
                List.of("check", "--evidence", "Mein Labor/ev", "--out", "", "--lang", "de", "\"; rm -rf ~", "Prüfung ✔"));
        assertThat(read(written(request))).isEqualTo(request);
    }

    @Test
    @DisplayName("another protocol version, a cut-off request or a silly argument count is refused, not guessed at")
    void badRequestsRefused() throws IOException {
        byte[] good = written(new CheckServerProtocol.Request("id", "UTF-8", "UTF-8", false, List.of("check", "--lang", "de")));

        byte[] otherVersion = good.clone();
        otherVersion[3] = 2;
        assertThatThrownBy(() -> read(otherVersion)).isInstanceOf(IOException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length - 1))).isInstanceOf(EOFException.class);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(CheckServerProtocol.VERSION);
        for (int i = 0; i < 3; i++) {
            out.writeInt(2);
            out.write("id".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBoolean(false);
        out.writeInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> read(bytes.toByteArray())).isInstanceOf(IOException.class).hasMessageContaining("too many arguments");
    }

    @Test
    @DisplayName("stdout and stderr share the socket as whole frames, in the order written, and end with the exit code")
    void framesInOrder() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream socket = new DataOutputStream(bytes);
        new CheckServerProtocol.FrameStream(socket, CheckServerProtocol.STDOUT).write("Punkte: ".getBytes(StandardCharsets.UTF_8));
        new CheckServerProtocol.FrameStream(socket, CheckServerProtocol.STDERR).write('!');
        new CheckServerProtocol.FrameStream(socket, CheckServerProtocol.STDOUT).write(new byte[0]);
        CheckServerProtocol.writeExit(socket, CheckServerProtocol.EXIT, 3);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(in.readByte()).isEqualTo(CheckServerProtocol.STDOUT);
        assertThat(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8)).isEqualTo("Punkte: ");
        assertThat(in.readByte()).isEqualTo(CheckServerProtocol.STDERR);
        assertThat(in.readNBytes(in.readInt())).containsExactly('!');
        assertThat(in.readByte()).as("an empty write sends no frame").isEqualTo(CheckServerProtocol.EXIT);
        assertThat(in.readInt()).isEqualTo(3);
        assertThat(in.read()).isEqualTo(-1);
    }
}
