package org.shebao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ID numbers at rest: AES-256-GCM with a random nonce, a keyed blind index, a key from outside the database")
class IdNumberCipherTest {
    private static final String ID = "11010519491231002X";
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));

    @Test
    @DisplayName("the same number encrypts differently each time (nothing to compare), decrypts back, and holds no digit in clear")
    void encrypts() {
        IdNumberCipher c = new IdNumberCipher(KEY, "");
        byte[] a = c.encrypt(ID);
        byte[] b = c.encrypt(ID);
        assertThat(a).isNotEqualTo(b);
        assertThat(c.decrypt(a)).isEqualTo(ID);
        assertThat(c.decrypt(b)).isEqualTo(ID);
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("19491231").doesNotContain("002X");
    }

    @Test
    @DisplayName("a changed byte, or another key, does not decrypt (the GCM tag), and says which key was used")
    void tamperAndWrongKey() {
        IdNumberCipher c = new IdNumberCipher(KEY, "");
        byte[] a = c.encrypt(ID);
        a[a.length - 3] ^= 1;
        assertThatThrownBy(() -> c.decrypt(a)).hasMessageContaining("SHEBAO_PERSONAL_DATA_KEY");
        assertThatThrownBy(() -> new IdNumberCipher(OTHER_KEY, "").decrypt(c.encrypt(ID)))
                .hasMessageContaining("does not decrypt");
    }

    @Test
    @DisplayName("the blind index: equal for the same number under the same key, different across numbers and keys")
    void blindIndex() {
        IdNumberCipher c = new IdNumberCipher(KEY, "");
        assertThat(c.index(ID)).isEqualTo(c.index(ID)).hasSize(32);
        assertThat(c.index(ID)).isNotEqualTo(c.index("110105194912310021"));
        assertThat(new IdNumberCipher(OTHER_KEY, "").index(ID)).isNotEqualTo(c.index(ID));
        assertThat(c.keyCheck()).isNotEqualTo(new IdNumberCipher(OTHER_KEY, "").keyCheck());
    }

    @Test
    @DisplayName("no key configured: a key file is created once, readable by its owner only, and used again")
    void keyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/personal-data.key");
        IdNumberCipher first = new IdNumberCipher("", file.toString());
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        IdNumberCipher again = new IdNumberCipher("", file.toString());
        assertThat(again.decrypt(first.encrypt(ID))).isEqualTo(ID);
        assertThat(again.source()).isEqualTo(file.toAbsolutePath().normalize().toString());
    }

    @Test
    @DisplayName("a key of the wrong length or not Base64 is refused, naming the setting")
    void badKey() {
        assertThatThrownBy(() -> new IdNumberCipher("c2hvcnQ=", "")).hasMessageContaining("SHEBAO_PERSONAL_DATA_KEY")
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new IdNumberCipher("not base64!", "")).hasMessageContaining("not Base64");
    }
}
