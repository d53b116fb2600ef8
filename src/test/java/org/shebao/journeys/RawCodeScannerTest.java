package org.shebao.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RawCodeScannerTest {
    private final RawCodeScanner scanner = new RawCodeScanner(List.of("xm.clerk", "citizen.fz"));

    @Test
    @DisplayName("issue 17 item 1: codes, booleans, region codes, login names and doubled punctuation are found")
    void finds() {
        assertThat(scanner.scan("单位类型：ENTERPRISE")).hasSize(1);
        assertThat(scanner.scan("WEB；缺RETIREMENT_APPROVAL")).hasSize(2);
        assertThat(scanner.scan("绿色通道：true")).hasSize(1);
        assertThat(scanner.scan("地区 350200 的经办")).hasSize(1);
        assertThat(scanner.scan("经办人 xm.clerk 受理")).hasSize(1);
        assertThat(scanner.scan("材料：，，身份证")).isNotEmpty();
        assertThat(scanner.scan("姓名（）")).hasSize(1);
        assertThat(scanner.scan("??nav.x_zh_CN??")).isNotEmpty();
        assertThat(scanner.scan("告知承诺制（FJ-3）：可签署承诺书")).hasSize(1);
    }

    @Test
    @DisplayName("issue 17 item 1: a clause ID is a detail when its text is the tooltip (FJ-3, N-1a, SX-5)")
    void clauseWithTooltip() {
        assertThat(scanner.scan("告知承诺 FJ-3 承诺书 N-1a", "FJ-3\nN-1a")).isEmpty();
        assertThat(scanner.scan("告知承诺 FJ-3 承诺书 FJ-3", "FJ-3")).hasSize(1);
    }

    @Test
    @DisplayName("issue 17 item 1: amounts, dates, masked ID numbers, references and words are not codes")
    void passes() {
        assertThat(scanner.scan("应缴 100000.00 元，2026-03-31 前；身份证 350102********1234；PDF 回执；"
                + "厦门市 · 经办员；Pending review; 12:30；第二十条；预约码 S2DL5XZG；凭证 JRN42-1；来电记录 XM-0312；"
                + "SHA-256 8e101b97；SHA256withRSA")).isEmpty();
    }
}
