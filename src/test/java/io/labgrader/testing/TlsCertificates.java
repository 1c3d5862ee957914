package io.labgrader.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A certificate authority, a server certificate for 127.0.0.1 and a client certificate, made with openssl the way
 * Docker's "Protect the Docker daemon socket" guide makes them: ca.pem, server-cert.pem, server-key.pem, cert.pem
 * and key.pem in one folder.
 */
public final class TlsCertificates {

    private TlsCertificates() {
    }

    public static Path create(Path dir) {
        String script = String.join(" && ",
                "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 2 -subj /CN=labgrader-test-ca",
                "openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj /CN=localhost",
                "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nextendedKeyUsage=serverAuth\\n' > server.ext",
                "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server-cert.pem -days 2 -extfile server.ext",
                "openssl req -newkey rsa:2048 -nodes -keyout key.pem -out client.csr -subj /CN=student",
                "printf 'extendedKeyUsage=clientAuth\\n' > client.ext",
                "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out cert.pem -days 2 -extfile client.ext");
        Commands.Result r = Commands.run(dir, Map.of(), Duration.ofSeconds(60), List.of("sh", "-c", script));
        if (r.exitCode() != 0) {
            throw new AssertionError("openssl could not make the test certificates: " + r.all());
        }
        return dir;
    }
}
