package io.github.camelicloud.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only: sends Apple's host names to the simulator's Apple-host mode on this machine, without root (no hosts
 * file, no port 443), so the suite runs {@code --domain com} and {@code cn} as users do. Two JVM system properties,
 * both absent in production, switch it on: {@value #PORT} (the simulator's port: every connection to port 443 of
 * Apple's hosts goes to 127.0.0.1 on it, the request still names the real host, SNI and certificate checks
 * included) and {@value #CA} (the simulator CA's PEM, the only certificate then trusted). Other host names do not
 * resolve, so nothing reaches the internet. A warning says when it is on.
 */
final class LoopbackAppleHosts {

    static final String PORT = "camelicloud.test.apple-hosts.port";
    static final String CA = "camelicloud.test.apple-hosts.ca";

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackAppleHosts.class);
    private static final List<String> APPLE_DOMAINS = List.of("apple.com", "icloud.com", "icloud-content.com",
            "apple.com.cn", "icloud.com.cn", "icloud-content.com.cn");

    private LoopbackAppleHosts() {
    }

    /** The builder as is, unless both properties are set. */
    static OkHttpClient.Builder applyIfSet(OkHttpClient.Builder builder) {
        String port = System.getProperty(PORT);
        String ca = System.getProperty(CA);
        if (port == null && ca == null) {
            return builder;
        }
        if (port == null || ca == null) {
            throw new IllegalStateException("set both " + PORT + " and " + CA + ", or neither");
        }
        int target = Integer.parseInt(port.trim());
        LOG.warn("Test mode: Apple's host names go to 127.0.0.1:{} and only the CA in {} is trusted ({}, {})",
                target, ca, PORT, CA);
        X509TrustManager trust = trustOnly(Path.of(ca));
        return builder.dns(LoopbackAppleHosts::resolve).socketFactory(new PortMapping(target))
                .sslSocketFactory(tls(trust).getSocketFactory(), trust);
    }

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (APPLE_DOMAINS.stream().noneMatch(d -> name.equals(d) || name.endsWith("." + d))) {
            throw new UnknownHostException(host + " is not one of Apple's hosts (" + PORT + " is set)");
        }
        return List.of(InetAddress.getLoopbackAddress());
    }

    private static X509TrustManager trustOnly(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CA + " " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + CA + " " + pem, e);
        }
    }

    private static SSLContext tls(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain sockets whose connections to port 443 go to 127.0.0.1:{@code target}. */
    private static final class PortMapping extends SocketFactory {
        private final int target;

        PortMapping(int target) {
            this.target = target;
        }

        private SocketAddress map(SocketAddress address) {
            if (address instanceof InetSocketAddress inet && inet.getPort() == 443) {
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), target);
            }
            return address;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    super.connect(map(endpoint), timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port));
        }

        private Socket connected(InetSocketAddress address) throws IOException {
            Socket socket = createSocket();
            socket.connect(address);
            return socket;
        }
    }
}
