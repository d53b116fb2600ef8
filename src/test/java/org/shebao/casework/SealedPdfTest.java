package org.shebao.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("N-3c sealed PDF: Chinese text in an embedded font, the seal, the QR code, a PAdES signature pdfsig accepts")
class SealedPdfTest {

    @Test
    @DisplayName("N-3c: the PDF's text is the document's, its signature is valid for pdfsig; one byte changed breaks it")
    void signedAndVerified(@TempDir Path dir) throws Exception {
        DocumentFont font = new DocumentFont("", "");
        assumeThat(font.file()).as("a CJK TrueType font is installed").isPresent();
        SealKeystore seal = new SealKeystore(dir.resolve("seal.p12").toString(), "Seal#2026", false);
        SealedPdf pdf = new SealedPdf(font, seal, Clock.system(ZoneId.of("Asia/Shanghai")));
        byte[] bytes = pdf.render(new SealedPdf.Content("社会保险参保缴费证明",
                List.of("姓名：王建国", "公民身份号码：140121********2011", "累计缴费月数：120"),
                "太原市社会保险经办机构", "DOC-TEST0001", "http://localhost:8080/verify/DOC-TEST0001"));
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        java.nio.file.Files.write(Path.of("target/sealed-example.pdf"), bytes);
        try (var doc = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("社会保险参保缴费证明").contains("王建国")
                    .contains("DOC-TEST0001");
            assertThat(doc.getSignatureDictionaries()).hasSize(1);
            assertThat(doc.getSignatureDictionaries().get(0).getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        }
        String report = Pdfsig.report(bytes);
        assertThat(report).contains("Signature is Valid").contains("Total document signed");
        String broken = Pdfsig.report(Pdfsig.tampered(bytes, "DOC-TEST0001"));
        assertThat(broken).doesNotContain("Signature is Valid").contains("Digest Mismatch");
    }

    @Test
    @DisplayName("N-3c: a long document goes on over pages (every line printed once, in order); the seal and the QR code "
            + "stand beneath the text of the last page; tab-separated lines are table rows; pdfsig accepts it")
    void longDocument(@TempDir Path dir) throws Exception {
        List<Integer> heights = java.util.Collections.nCopies(100, 20);
        List<List<Integer>> pages = SealedPdf.paginate(heights, h -> h, 700, 740);
        assertThat(pages.stream().mapToInt(List::size).sum()).isEqualTo(100);
        assertThat(pages.get(pages.size() - 1).size() * 20f).as("room for the seal on the last page")
                .isLessThanOrEqualTo(740 - 270);
        assertThat(SealedPdf.paginate(java.util.Collections.nCopies(5, 20), h -> h, 700, 740)).hasSize(1);
        // the text fits the page but not above the seal: a few lines go with the seal onto a last page
        List<List<Integer>> almost = SealedPdf.paginate(java.util.Collections.nCopies(25, 20), h -> h, 700, 740);
        assertThat(almost).hasSize(2);
        assertThat(almost.get(1)).hasSize(3);

        DocumentFont font = new DocumentFont("", "");
        assumeThat(font.file()).as("a CJK TrueType font is installed").isPresent();
        SealKeystore seal = new SealKeystore(dir.resolve("seal.p12").toString(), "Seal#2026", false);
        SealedPdf pdf = new SealedPdf(font, seal, Clock.system(ZoneId.of("Asia/Shanghai")));
        List<String> lines = new java.util.ArrayList<>(List.of("年度\t缴费月数\t月缴费基数（元）"));
        for (int y = 1951; y <= 2050; y++) {
            lines.add(y + "\t12\t" + (y * 2) + ".00");
        }
        byte[] bytes = pdf.render(new SealedPdf.Content("社会保险个人缴费明细", lines, "太原市社会保险经办机构",
                "DOC-TEST0002", "http://localhost:8080/verify/DOC-TEST0002"));
        try (var doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("1951 12 3902.00").contains("2050 12 4100.00").contains("（续）")
                    .contains("共 " + doc.getNumberOfPages() + " 页");
            assertThat(text.indexOf("1951 12")).isLessThan(text.indexOf("2050 12"));
        }
        assertThat(Pdfsig.report(bytes)).contains("Signature is Valid").contains("Total document signed");
    }
}
