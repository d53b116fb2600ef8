package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.FieldViolation;

@DisplayName("N-3c electronic archive: uploads are checked by content, not by name")
class ArchiveTest {
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    private final Archive archive = new Archive(null, null, 1024);

    private FieldViolation check(String name, String type, byte[] bytes) {
        return archive.check(new Upload("ID_CARD", name, type, bytes));
    }

    @Test
    @DisplayName("JPEG, PNG and PDF are recognised by their first bytes")
    void sniff() {
        assertThat(Archive.sniff(JPEG)).contains(Archive.Kind.JPEG);
        assertThat(Archive.sniff(PNG)).contains(Archive.Kind.PNG);
        assertThat(Archive.sniff(PDF)).contains(Archive.Kind.PDF);
        assertThat(Archive.sniff(EXE)).isEmpty();
        assertThat(check("id.jpg", "image/jpeg", JPEG)).isNull();
        assertThat(check("id.pdf", null, PDF)).isNull();
    }

    @Test
    @DisplayName("an executable named id.jpg and sent as image/jpeg is refused")
    void disguisedExecutable() {
        FieldViolation v = check("id.jpg", "image/jpeg", EXE);
        assertThat(v.code()).isEqualTo("error.material.notAllowed");
        assertThat(v.field()).isEqualTo("material.ID_CARD");
        assertThat(v.args()).containsExactly("id.jpg");
    }

    @Test
    @DisplayName("a PNG sent as image/jpeg is mislabelled; an empty or oversized file is refused with its limit")
    void mislabelledEmptyOversized() {
        FieldViolation v = check("id.jpg", "image/jpeg", PNG);
        assertThat(v.code()).isEqualTo("error.material.mislabelled");
        assertThat(v.args()).containsExactly("id.jpg", "image/jpeg", "image/png");
        assertThat(check("id.jpg", "image/jpeg", new byte[0]).code()).isEqualTo("error.material.empty");
        byte[] big = new byte[1025];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        assertThat(check("big.jpg", "image/jpeg", big).code()).isEqualTo("error.material.tooLarge");
    }

    @Test
    @DisplayName("the hash is SHA-256 of the bytes")
    void hash() {
        assertThat(Archive.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
