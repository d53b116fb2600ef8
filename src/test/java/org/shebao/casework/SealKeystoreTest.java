package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.Signature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.charset.StandardCharsets;

@DisplayName("N-3c electronic seal: the private key in a PKCS#12 keystore with a password from configuration")
class SealKeystoreTest {

    @Test
    @DisplayName("created on first start (owner-only), opened again with the same key; the file is a standard "
            + "PKCS#12 holding the key and its certificate; what it signs verifies with the public key")
    void createdAndReopened(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/seal.p12");
        SealKeystore first = new SealKeystore(file.toString(), "Seal#2026", false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SealKeystore again = new SealKeystore(file.toString(), "Seal#2026", false);
        assertThat(again.keyId()).isEqualTo(first.keyId()).startsWith("SEAL-");
        assertThat(again.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, "Seal#2026".toCharArray());
        }
        assertThat(ks.isKeyEntry("seal")).isTrue();
        // the demo CA issued the agency's certificate: the chain a PDF signature carries
        assertThat(again.chain()).hasSize(2);
        again.chain().get(0).verify(again.chain().get(1).getPublicKey());
        assertThat(again.chain().get(1).getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(again.chain().get(0).getBasicConstraints()).isEqualTo(-1);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(again.privateKey());
        s.update("证明".getBytes(StandardCharsets.UTF_8));
        byte[] sig = s.sign();
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(ks.getCertificate("seal").getPublicKey());
        v.update("证明".getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(sig)).isTrue();
    }

    @Test
    @DisplayName("a wrong password is refused, naming the setting; without a password only the demo starts")
    void password(@TempDir Path dir) {
        Path file = dir.resolve("seal.p12");
        new SealKeystore(file.toString(), "Seal#2026", false);
        assertThatThrownBy(() -> new SealKeystore(file.toString(), "wrong", false))
                .hasMessageContaining("SHEBAO_SEAL_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> new SealKeystore(dir.resolve("other.p12").toString(), "", false))
                .hasMessageContaining("SHEBAO_SEAL_KEYSTORE_PASSWORD").hasMessageContaining("must be set");
        assertThat(dir.resolve("other.p12")).doesNotExist();
        assertThat(new SealKeystore(dir.resolve("demo.p12").toString(), "", true).keyId()).startsWith("SEAL-");
    }
}
