package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("N-3c sealed PDF: the CJK font to embed, and a clear refusal without one")
class DocumentFontTest {

    @Test
    @DisplayName("a configured font that is not there: the document is refused with a message naming the setting")
    void missing() throws Exception {
        DocumentFont font = new DocumentFont("/nonexistent/font.ttc", "");
        assertThat(font.file()).isEmpty();
        try (PDDocument doc = new PDDocument()) {
            assertThatThrownBy(() -> font.load(doc)).isInstanceOfSatisfying(DocumentFont.MissingFontException.class,
                    e -> {
                        assertThat(e.violation().code()).isEqualTo("error.document.noFont");
                        assertThat(e.detail()).contains("SHEBAO_DOCUMENTS_FONT=/nonexistent/font.ttc");
                    });
        }
    }

    @Test
    @DisplayName("a CJK font with CFF outlines (Noto Sans CJK) is refused with the reason, not a stack trace")
    void cffRefused() throws Exception {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assumeThat(Files.isReadable(noto)).as("fonts-noto-cjk installed").isTrue();
        DocumentFont font = new DocumentFont(noto.toString(), "NotoSansCJKsc-Regular");
        try (PDDocument doc = new PDDocument()) {
            assertThatThrownBy(() -> font.load(doc)).isInstanceOf(DocumentFont.MissingFontException.class)
                    .hasMessageContaining("CFF");
        }
    }

    @Test
    @DisplayName("without a setting, the first usual place that holds a font is used")
    void found() {
        DocumentFont font = new DocumentFont("", "");
        assertThat(font.file()).isEqualTo(DocumentFont.CANDIDATES.stream().map(Path::of).filter(Files::isReadable)
                .findFirst());
    }
}
