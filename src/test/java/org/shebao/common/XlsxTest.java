package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@DisplayName("Dependency-free .xlsx writer for ledger and register exports")
class XlsxTest {
    private static final List<String> PARTS = List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml");

    private static Map<String, String> unzip(byte[] xlsx) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] ledger() throws IOException {
        List<Object> row = Arrays.asList("张三 & 李四 <代办>", LocalDate.of(2020, 7, 30), new BigDecimal("1800.00"), 42,
                null, Boolean.TRUE);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "缴费台账:2020/07", List.of("姓名", "缴费日期", "金额", "月数", "备注", "已核定"), rows);
        return out.toByteArray();
    }

    @Test
    @DisplayName("a workbook holds every part, each well-formed XML, and the sheet its typed, escaped cells")
    void writesTypedCells() throws Exception {
        Map<String, String> parts = unzip(ledger());

        assertThat(parts).containsKeys(PARTS.toArray(String[]::new));
        for (String xml : parts.values()) {
            assertThat(parse(xml).getDocumentElement()).isNotNull();
        }
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertThat(sheet)
                .contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">姓名</t></is></c>")
                .contains("<t xml:space=\"preserve\">张三 &amp; 李四 &lt;代办&gt;</t>")
                .contains("<c r=\"B2\" s=\"2\"><v>44042</v></c>")
                .containsPattern("<c r=\"C2\" s=\"3\"><v>1800(\\.00)?</v></c>")
                .contains("<c r=\"D2\"><v>42</v></c>")
                .doesNotContain("r=\"E2\"")
                .contains("<c r=\"F2\" t=\"b\"><v>1</v></c>")
                .contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
                .contains("<autoFilter ref=\"A1:F2\"/>")
                .contains("<col min=\"1\" max=\"1\"");
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"缴费台账_2020_07\"");
        assertThat(parts.get("xl/styles.xml")).contains("<cellXfs count=\"4\">");
    }

    @Test
    @DisplayName("columns are named like Excel's: 28 is AB, beyond 26 letters pair up")
    void columnNames() {
        assertThat(Xlsx.columnName(1)).isEqualTo("A");
        assertThat(Xlsx.columnName(26)).isEqualTo("Z");
        assertThat(Xlsx.columnName(27)).isEqualTo("AA");
        assertThat(Xlsx.columnName(28)).isEqualTo("AB");
        assertThat(Xlsx.columnName(52)).isEqualTo("AZ");
        assertThat(Xlsx.columnName(53)).isEqualTo("BA");
        assertThat(Xlsx.columnName(702)).isEqualTo("ZZ");
        assertThat(Xlsx.columnName(703)).isEqualTo("AAA");
        assertThat(Xlsx.columnName(16_384)).isEqualTo("XFD");
        assertThatThrownBy(() -> Xlsx.columnName(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("characters XML forbids are dropped and sheet names are cut to 31 characters")
    void cleansTextAndSheetNames() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("a\0b\bc\"d"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "x".repeat(40), List.of("h"), rows);
        Map<String, String> parts = unzip(out.toByteArray());

        assertThat(parts.get("xl/worksheets/sheet1.xml")).contains(">abc&quot;d</t>");
        parse(parts.get("xl/worksheets/sheet1.xml"));
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"" + "x".repeat(31) + "\"");
        assertThat(Xlsx.sheetName("[a]:b*c?d/e\\f")).isEqualTo("_a__b_c_d_e_f");
        assertThat(Xlsx.sheetName("  ")).isEqualTo("Sheet1");
    }
}
