package org.shebao.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.Violations;
import org.shebao.common.Xlsx;

@DisplayName("Declaration files and values: CSV (BOM, GB18030, quotes), the Excel template, periods and amounts")
class DeclarationFilesTest {

    private static List<DeclarationFiles.Read> csv(byte[] bytes) {
        return DeclarationFiles.read(DeclarationFiles.channelOf("a.csv", bytes), bytes);
    }

    @Test
    @DisplayName("CSV with a BOM and a header: lines numbered as an editor shows them, blank lines skipped, a quoted "
            + "amount with a thousands separator kept whole; a line with three columns says so")
    void csvLines() {
        byte[] bytes = ("\uFEFF公民身份号码,姓名,费款所属期,缴费工资基数\r\n"
                + "350102198501010018,张三,2020-03,\"5,000.00\"\r\n\r\n"
                + "350102198501010018,张三,2020\r\n").getBytes(StandardCharsets.UTF_8);
        List<DeclarationFiles.Read> lines = csv(bytes);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).line()).isEqualTo(new DeclaredLine(2, "350102198501010018", "张三", "2020-03", "5,000.00"));
        assertThat(lines.get(1).line().line()).isEqualTo(4);
        assertThat(lines.get(1).columns()).isEqualTo(3);
    }

    @Test
    @DisplayName("a CSV saved by Excel on Chinese Windows (GB18030) is read; an unclosed quote names its line")
    void gbkAndQuote() {
        byte[] gbk = "350102198501010018,张三,2020-03,5000\n".getBytes(Charset.forName("GB18030"));
        assertThat(csv(gbk).get(0).line().name()).isEqualTo("张三");
        byte[] quote = "350102198501010018,张三,2020-03,5000\n350102198501010018,\"张三,2020-04,5000\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> csv(quote)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).field())
                        .isEqualTo("lines[2].file"));
    }

    @Test
    @DisplayName("the Excel template filled in: rows numbered as Excel shows them, numbers without Excel's format; "
            + "something that is no workbook is refused as a whole")
    void excel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "申报", List.of("公民身份号码", "姓名", "费款所属期", "缴费工资基数（元）"),
                List.of(List.of("350102198501010018", "张三", "2020", new BigDecimal("5000.50"))));
        List<DeclarationFiles.Read> lines = DeclarationFiles.read(DeclarationChannel.XLSX, out.toByteArray());
        assertThat(lines).extracting(DeclarationFiles.Read::line)
                .containsExactly(new DeclaredLine(2, "350102198501010018", "张三", "2020", "5000.5"));
        byte[] broken = {'P', 'K', 3, 4, 1, 2, 3};
        assertThat(DeclarationFiles.channelOf("x.csv", broken)).isEqualTo(DeclarationChannel.XLSX);
        assertThatThrownBy(() -> DeclarationFiles.read(DeclarationChannel.XLSX, broken))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @CsvSource({"2020, 2020, ", "2020-03, 2020, 3", "2020-3, 2020, 3", "202003, 2020, 3", "2020年3月, 2020, 3",
            "2020/12, 2020, 12", "2020年度, 2020, "})
    @DisplayName("periods: a year or a month, written as people write them")
    void periods(String raw, int year, Integer month) {
        assertThat(DeclarationPeriod.parse(raw)).contains(new DeclarationPeriod(year, month));
    }

    @ParameterizedTest
    @CsvSource({"2020-13", "20203", "1899", "March", "2020-00", "''"})
    @DisplayName("not a period")
    void notPeriods(String raw) {
        assertThat(DeclarationPeriod.parse(raw)).isEmpty();
    }

    /** The plausibility limit of a declared base in the shipped parameters (contribution.base.declaredMax). */
    private static final Money MAX = Declarations.maxBase(org.shebao.policy.PolicyBook.load().parameters(),
            new org.shebao.common.RegionCode("350100"), java.time.LocalDate.of(2020, 3, 1));

    @Test
    @DisplayName("the plausibility limit of a declared base is a dated parameter with its source: 1,000,000.00 yuan")
    void plausibilityLimit() {
        assertThat(MAX).isEqualTo(Money.yuan("1000000.00"));
    }

    @ParameterizedTest
    @CsvSource({"5000, 5000.00", "5000.5, 5000.50", "'5,000.00', 5000.00", "5000元, 5000.00", "0, 0.00"})
    @DisplayName("amounts: digits, thousands separators, at most two decimals")
    void amounts(String raw, String yuan) {
        Violations v = new Violations();
        assertThat(Declarations.amount(v, raw, MAX)).isEqualTo(Money.yuan(yuan));
        assertThat(v.isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"-100, error.declaration.base.negative", "5000.001, error.declaration.base.format",
            "1e5, error.declaration.base.format", "五千, error.declaration.base.format",
            "1000000.01, error.declaration.base.absurd", "'5,00', error.declaration.base.format"})
    @DisplayName("not an amount, negative or absurd: each with its own reason")
    void badAmounts(String raw, String code) {
        Violations v = new Violations();
        assertThat(Declarations.amount(v, raw, MAX)).isNull();
        assertThat(v.list()).extracting(f -> f.code()).containsExactly(code);
    }
}
