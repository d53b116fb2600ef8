package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

@DisplayName("Excel exports (Apache POI SXSSF): typed cells, a frozen bold header with a filter, rows streamed")
class XlsxTest {

    private static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static byte[] ledger() throws IOException {
        List<Object> row = Arrays.asList("张三 & 李四 <代办>", LocalDate.of(2020, 7, 30), new BigDecimal("1800.00"), 42,
                null, Boolean.TRUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "缴费台账:2020/07", List.of("姓名", "缴费日期", "金额", "月数", "备注", "已核定"), List.of(row));
        return out.toByteArray();
    }

    @Test
    @DisplayName("what Excel shows: text as typed, a date formatted yyyy-mm-dd, money #,##0.00, a number, no cell for "
            + "null, a boolean; the header bold and frozen with a filter over the data; the sheet name cleaned")
    void writesTypedCells() throws Exception {
        try (XSSFWorkbook wb = read(ledger())) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(wb.getSheetName(0)).isEqualTo("缴费台账_2020_07");
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(wb.getFontAt(head.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row r = sheet.getRow(1);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("张三 & 李四 <代办>");
            Cell date = r.getCell(1);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 7, 30));
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            Cell money = r.getCell(2);
            assertThat(money.getNumericCellValue()).isEqualTo(1800.0);
            assertThat(money.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(42.0);
            assertThat(r.getCell(4)).isNull();
            assertThat(r.getCell(5).getBooleanCellValue()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F2");
            assertThat(sheet.getColumnWidth(0)).as("a wide column for the Chinese name").isGreaterThan(15 * 256);
        }
    }

    @Test
    @DisplayName("Money (the ledger's and the payroll register's amounts) is a number cell shown #,##0.00, as its amount")
    void writesMoney() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "register", List.of("金额", "扣减"), List.of(List.of(Money.yuan("4300"), Money.yuan("-200.00"))));
        try (XSSFWorkbook wb = read(out.toByteArray())) {
            Row r = wb.getSheetAt(0).getRow(1);
            assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r.getCell(0).getNumericCellValue()).isEqualTo(4300.0);
            assertThat(r.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(-200.0);
        }
    }

    @Test
    @DisplayName("characters XML forbids are dropped, text is cut at Excel's limit, sheet names at 31 characters")
    void cleansTextAndSheetNames() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("a\0b\bc\"d", "x".repeat(40_000)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "x".repeat(40), List.of("h"), rows);
        try (XSSFWorkbook wb = read(out.toByteArray())) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("abc\"d");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).hasSize(Xlsx.MAX_CELL_CHARS);
            assertThat(wb.getSheetName(0)).isEqualTo("x".repeat(31));
        }
        assertThat(Xlsx.sheetName("[a]:b*c?d/e\\f")).isEqualTo("_a__b_c_d_e_f");
        assertThat(Xlsx.sheetName("  ")).isEqualTo("Sheet1");
    }

    @Test
    @DisplayName("rows handed one by one (as from a database cursor) are streamed out: 300,000 of them, none kept")
    void streamsRows() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "register", List.of("order", "name", "amount"), sink -> {
            for (int i = 0; i < 300_000; i++) {
                sink.accept(List.of(i, "姓名" + i, new BigDecimal("1234.56")));
            }
        });
        Path file = Files.createTempFile("register", ".xlsx");
        String sheet;
        try {
            Files.write(file, out.toByteArray());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                        StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
        assertThat(sheet).contains("<row r=\"300001\"").contains("姓名299999").doesNotContain("<row r=\"300002\"");
        assertThat(sheet).contains("<autoFilter ref=\"A1:C300001\"/>");
    }
}
