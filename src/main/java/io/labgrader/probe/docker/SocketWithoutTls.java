package io.labgrader.probe.docker;

import com.github.dockerjava.transport.SSLConfig;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import java.net.URI;
import java.security.SecureRandom;

/**
 * The TLS set-up of an engine reached through a local socket (unix://, npipe://), which speaks no TLS. Given no
 * SSLConfig, docker-java's zerodep transport still builds the JVM's default TLS context for an https route it never
 * takes for a socket (ApacheDockerHttpClientImpl: a socket's host is "unix"/"npipe"; https only for tcp:// with an
 * SSL context): loading the TLS provider and the JDK's trusted certificates, about 90 ms of CPU on every check.
 * This config hands it a context that is never initialised instead; should anything ever use it, it says so.
 */
final class SocketWithoutTls implements SSLConfig {

    static final SocketWithoutTls INSTANCE = new SocketWithoutTls();

    private SocketWithoutTls() {
    }

    /** The SSL config to give docker-java for this endpoint: its own, or for a socket without one, this. */
    static SSLConfig forEndpoint(URI uri, SSLConfig ssl) {
        boolean socket = uri != null && ("unix".equals(uri.getScheme()) || "npipe".equals(uri.getScheme()));
        return ssl == null && socket ? INSTANCE : ssl;
    }

    @Override
    public SSLContext getSSLContext() {
        return new SSLContext(new Unused(), null, "none") {
        };
    }

    /** Every use fails with a message: a socket endpoint has no TLS to set up. */
    private static final class Unused extends SSLContextSpi {

        private static IllegalStateException unused() {
            return new IllegalStateException("a Docker Engine socket (unix://, npipe://) speaks no TLS");
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm, SecureRandom random) {
            throw unused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw unused();
        }
    }
}
