package io.github.camelicloud.app.webui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The web page's TLS from the user's PEM files ({@code --webui-tls-cert}, {@code --webui-tls-key}): the certificate
 * chain and an unencrypted PKCS#8 key, as certbot and {@code openssl req -newkey} write them, read once at start into
 * an in-memory key store (never written anywhere).
 */
public final class PemTls {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private final List<Certificate> chain;
    private final PrivateKey key;

    private PemTls(List<Certificate> chain, PrivateKey key) {
        this.chain = chain;
        this.key = key;
    }

    /** @throws IllegalArgumentException naming the file and what to do when a file cannot be used */
    public static PemTls read(Path certFile, Path keyFile) {
        List<Certificate> chain;
        try (var in = Files.newInputStream(certFile)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("--webui-tls-cert " + certFile + " is not a readable PEM certificate ("
                    + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("--webui-tls-cert " + certFile + " holds no certificate");
        }
        return new PemTls(chain, privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm()));
    }

    private static PrivateKey privateKey(Path keyFile, String algorithm) {
        String pem;
        try {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("--webui-tls-key " + keyFile + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        Matcher m = PRIVATE_KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("--webui-tls-key " + keyFile + " holds no unencrypted PKCS#8 key"
                    + " (BEGIN PRIVATE KEY): convert it with openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--webui-tls-key " + keyFile + " is not a " + algorithm
                    + " key matching the certificate (" + e.getMessage() + ")");
        }
    }

    /** Camel's TLS settings for the server: a key store made in memory, with a password no one needs to know. */
    SSLContextParameters contextParameters() {
        try {
            char[] password = new char[24];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < password.length; i++) {
                password[i] = (char) ('a' + random.nextInt(26));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("webui", key, password, chain.toArray(Certificate[]::new));
            KeyStoreParameters storeParameters = new KeyStoreParameters();
            storeParameters.setKeyStore(store);
            KeyManagersParameters keys = new KeyManagersParameters();
            keys.setKeyStore(storeParameters);
            keys.setKeyPassword(new String(password));
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setKeyManagers(keys);
            return parameters;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot hold the TLS key in memory: " + e.getMessage(), e);
        }
    }
}
