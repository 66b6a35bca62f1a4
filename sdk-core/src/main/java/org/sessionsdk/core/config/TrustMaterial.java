package org.sessionsdk.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds an {@link SSLContext} that trusts given certificates, for servers with a self-signed or
 * private-CA certificate (Plesk panels on 8443 often have one). Host names are still verified.
 */
public final class TrustMaterial {
    private TrustMaterial() {
    }

    /**
     * Trusts the certificates in a PEM file (one or more {@code BEGIN CERTIFICATE} blocks).
     *
     * @param pemFile the PEM file
     * @return a TLS context that trusts those certificates
     * @throws IllegalArgumentException if the file cannot be read or holds no certificate
     */
    public static SSLContext fromPem(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pemFile);
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("cert-" + i++, c);
            }
            return fromKeyStore(ks);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PEM trust file " + pemFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trusts the certificates of a JKS or PKCS12 trust store ({@code type} "JKS" or "PKCS12").
     *
     * @param file     the trust store
     * @param type     {@code "JKS"} or {@code "PKCS12"}
     * @param password the store's password, or null
     * @return a TLS context that trusts the store's certificates
     * @throws IllegalArgumentException if the store cannot be read
     */
    public static SSLContext fromKeyStore(Path file, String type, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password);
            return fromKeyStore(ks);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read " + type + " trust store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trusts the certificates of a loaded key store.
     *
     * @param trustStore the certificates to trust
     * @return a TLS context that trusts them
     * @throws IllegalArgumentException if the JDK cannot build the context
     */
    public static SSLContext fromKeyStore(KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Trusts any certificate. Only for {@code insecureTrustAllCertificates()}.
     *
     * @return a TLS context that accepts every certificate
     */
    public static SSLContext trustAll() {
        // An extended trust manager, so the JSSE does not wrap it with its own host name check.
        TrustManager tm = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // accepting everything is the point of this opt-in
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // accepting everything is the point of this opt-in
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
                // accepting everything is the point of this opt-in
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
                // accepting everything is the point of this opt-in
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                // accepting everything is the point of this opt-in
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                // accepting everything is the point of this opt-in
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
