package io.labgrader.probe.docker;

import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.transport.SSLConfig;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;

/**
 * TLS for a docker context created with skip-tls-verify=true: the engine's certificate is not checked, as the
 * docker CLI then does (InsecureSkipVerify in docker/cli cli/context/docker/load.go). A client certificate stored
 * with the context (cert.pem and key.pem) is still presented.
 */
final class InsecureSSLConfig implements SSLConfig {

    private final Path tlsDir;

    InsecureSSLConfig(Path tlsDir) {
        this.tlsDir = tlsDir;
    }

    @Override
    public SSLContext getSSLContext() throws KeyManagementException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), new TrustManager[]{new TrustingEveryone()}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyManagementException("cannot use the TLS material of the docker context in " + tlsDir + ": " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
        Path cert = tlsDir.resolve("cert.pem");
        Path key = tlsDir.resolve("key.pem");
        if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
            return null;
        }
        if (Security.getProvider("BC") == null) {
            // docker-java reads PEM keys through Bouncy Castle, which its own LocalDirectorySSLConfig registers first
            Security.addProvider(new BouncyCastleProvider());
        }
        KeyStore store = CertificateUtils.createKeyStore(Files.readString(key, StandardCharsets.US_ASCII),
                Files.readString(cert, StandardCharsets.US_ASCII));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, "docker".toCharArray());
        return factory.getKeyManagers();
    }

    /** What skip-tls-verify asks for: any server certificate is accepted. */
    private static final class TrustingEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // skip-tls-verify: the context's owner chose not to check the engine's certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
