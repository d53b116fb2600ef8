package org.shebao.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import java.security.UnrecoverableKeyException;
import org.shebao.common.SecretFiles;
import org.shebao.platform.PlatformProperties;

/**
 * The agency's sealing key (issue 10, item 6; N-3c): an RSA key with its certificate (and chain) in a PKCS#12
 * keystore file protected by a password from configuration ({@code SHEBAO_SEAL_KEYSTORE},
 * {@code SHEBAO_SEAL_KEYSTORE_PASSWORD}), never in the database, which keeps only the public keys to verify
 * certificates by. The keystore is created on the first start when the file does not exist, with a demo CA that
 * issued the agency's certificate (issue 16: the PDFs' signatures carry that chain). Without a password
 * the platform starts only with the demo on (with the demo's password, and a warning).
 */
@Component
class SealKeystore {
    private static final Logger log = LoggerFactory.getLogger(SealKeystore.class);
    static final String DEMO_PASSWORD = "shebao-demo-seal";
    private static final String ALIAS = "seal";

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final String keyId;

    @Autowired
    SealKeystore(CaseworkProperties settings, PlatformProperties platform) {
        this(settings.seal().keystore(), settings.seal().keystorePassword(), platform.demo().enabled());
    }

    /** With the settings' values themselves (unit tests). */
    SealKeystore(String file, String password, boolean demo) {
        char[] pass;
        if (StringUtils.hasText(password)) {
            pass = password.toCharArray();
        } else if (demo) {
            log.warn("SHEBAO_SEAL_KEYSTORE_PASSWORD is not set: the seal's keystore uses the demo's password. Set it "
                    + "before issuing real certificates.");
            pass = DEMO_PASSWORD.toCharArray();
        } else {
            throw new IllegalStateException("SHEBAO_SEAL_KEYSTORE_PASSWORD (shebao.seal.keystore-password) must be set: "
                    + "it protects the electronic seal's private key in " + file);
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        KeyStore ks = Files.exists(path) ? load(path, pass) : create(path, pass);
        try {
            privateKey = (PrivateKey) ks.getKey(ALIAS, pass);
            certificate = (X509Certificate) ks.getCertificate(ALIAS);
            Certificate[] stored = ks.getCertificateChain(ALIAS);
            chain = stored == null ? List.of(certificate)
                    : Arrays.stream(stored).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal keystore " + path + " holds no usable key '" + ALIAS + "': "
                    + e.getMessage(), e);
        }
        if (privateKey == null || certificate == null) {
            throw new IllegalStateException("the seal keystore " + path + " holds no key named '" + ALIAS + "'");
        }
        keyId = "SEAL-" + Archive.sha256(certificate.getPublicKey().getEncoded()).substring(0, 12).toUpperCase();
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The agency's certificate and the CA's above it (the demo CA; a keystore of an earlier start: the one certificate). */
    List<X509Certificate> chain() {
        return chain;
    }

    /** The key's id on certificates: derived from the public key. */
    String keyId() {
        return keyId;
    }

    private static KeyStore load(Path path, char[] pass) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass);
            return ks;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("the seal keystore " + path + " does not open with the configured "
                        + "password (SHEBAO_SEAL_KEYSTORE_PASSWORD)", e);
            }
            throw new UncheckedIOException("the seal keystore " + path + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal keystore " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A demo CA (self-signed, CA:true) and the agency's sealing certificate issued by it (digital signature,
     * non-repudiation), both in the keystore as the key's chain: a verifier (pdfsig, a PDF reader) sees the agency
     * signed, under a CA it can be told to trust. A production keystore holds the agency's certificate from a real CA.
     */
    private static KeyStore create(Path path, char[] pass) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(3072);
            KeyPair ca = g.generateKeyPair();
            KeyPair agency = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=Shebao demo CA, O=Shebao demo, C=CN");
            X509Certificate caCert = certificate(caName, caName, ca.getPublic(), ca.getPrivate(), now, true);
            X509Certificate agencyCert = certificate(caName,
                    new X500Name("CN=Shebao electronic seal, O=Social insurance agency, C=CN"), agency.getPublic(),
                    ca.getPrivate(), now, false);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, pass);
            ks.setKeyEntry(ALIAS, agency.getPrivate(), pass, new Certificate[] {agencyCert, caCert});
            SecretFiles.writeOwnerOnly(path, out -> {
                try {
                    ks.store(out, pass);
                } catch (GeneralSecurityException e) {
                    throw new IOException("the keystore could not be written: " + e.getMessage(), e);
                }
            });
            log.warn("Electronic seal key created in {} (PKCS#12, a demo CA's certificate): back it up with its "
                    + "password, apart from the database", path);
            return ks;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the seal key could not be created: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the seal keystore " + path + " cannot be written", e);
        }
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, PublicKey key, PrivateKey signer,
                                               Instant now, boolean ca)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }
}
