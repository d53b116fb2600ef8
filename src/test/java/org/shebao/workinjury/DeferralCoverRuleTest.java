package org.shebao.workinjury;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.common.RegionCode;
import org.shebao.contribution.DeferralStanding;
import org.shebao.contribution.DeferralStanding.BackPayment;
import org.shebao.contribution.EmployerDeferral;
import org.shebao.policy.Deadline;
import org.shebao.policy.Emergency;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.PolicyBook;
import org.shebao.workinjury.DeferralCoverRule.Cover;

@DisplayName("FJ-1.4: who pays an injury during the employer's contribution deferral")
class DeferralCoverRuleTest {
    private static final PolicyBook BOOK = PolicyBook.load();
    private static final LocalDate INJURED = LocalDate.of(2020, 3, 10);
    private static final LocalDate DEADLINE = LocalDate.of(2020, 7, 30);
    private static final EmployerDeferral DEFERRAL = new EmployerDeferral(1, 7, "350100", YearMonth.of(2020, 3),
            YearMonth.of(2020, 4), 2, LocalDate.of(2020, 5, 15), "停产", "人社部发〔2020〕11号", "3501-20200301-000001",
            "fz.reviewer", null, new Deadline(null, 1, LocalDate.of(2020, 4, 30), DEADLINE, null, true));

    private static MeasureStatus measure(String region) {
        Emergency fj = new Emergency(1, new RegionCode("350000"), "福建", LocalDate.of(2020, 1, 24), null,
                LocalDate.of(2020, 4, 30), 0);
        Emergency sx = new Emergency(2, new RegionCode("140000"), "山西", LocalDate.of(2020, 1, 25), null, null, 0);
        return BOOK.measure(DeferralCoverRule.MEASURE, new RegionCode(region), INJURED, List.of(fj, sx));
    }

    private static DeferralStanding standing(BackPayment b) {
        return new DeferralStanding(7, INJURED, b == BackPayment.NOT_DEFERRED ? null : DEFERRAL, b, List.of(), null);
    }

    @Test
    @DisplayName("FJ-1.4 in Fuzhou: back-paid in time → the fund pays, flagged FJ-1.4; not yet → waits (deadline "
            + "2020-07-30); after it unpaid → the employer bears it")
    void fujian() {
        assertThat(DeferralCoverRule.decide(measure("350100"), standing(BackPayment.PAID_IN_TIME)))
                .isEqualTo(new DeferralCoverRule.Decision(Cover.FUND_PAYS, List.of("FJ-1.4"), DEADLINE));
        assertThat(DeferralCoverRule.decide(measure("350100"), standing(BackPayment.OPEN)).cover())
                .isEqualTo(Cover.WAITS_FOR_BACK_PAYMENT);
        assertThat(DeferralCoverRule.decide(measure("350100"), standing(BackPayment.NOT_PAID_IN_TIME)).cover())
                .isEqualTo(Cover.EMPLOYER_BEARS);
    }

    @Test
    @DisplayName("FJ-1.4 does not apply: an employer not deferred, no employer on record, or Shanxi (no such clause) → "
            + "the fund pays as usual, no clause")
    void notApplicable() {
        DeferralCoverRule.Decision usual = new DeferralCoverRule.Decision(Cover.FUND_PAYS, List.of(), null);
        assertThat(DeferralCoverRule.decide(measure("350100"), standing(BackPayment.NOT_DEFERRED))).isEqualTo(usual);
        assertThat(DeferralCoverRule.decide(measure("350100"), null)).isEqualTo(usual);
        assertThat(DeferralCoverRule.decide(measure("140100"), standing(BackPayment.OPEN))).isEqualTo(usual);
    }
}
