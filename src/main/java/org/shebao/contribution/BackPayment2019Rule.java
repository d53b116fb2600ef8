package org.shebao.contribution;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shebao.common.RegionCode;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;

/**
 * FJ-1.5 (闽人社办〔2020〕14号): declarations of 2019 unemployment-insurance back payments are accepted until the day
 * in {@code contribution.unemployment.backPayment2019.lastDay} (Fujian: 2020-02-29) and refused after it, citing the
 * clause. The last day is taken as the text states it: a fixed date (期日), not a period counted in days or months,
 * so it is not moved off the weekend (2020-02-29 was a Saturday) by the Civil Code's rule for periods (民法典
 * 第二百零三条) — an assumption the policy owners should confirm. The value in force on the declaration day
 * decides; where none is (outside Fujian, or before the notice), FJ-1.5 does not govern the declaration.
 */
public final class BackPayment2019Rule {
    static final String LAST_DAY = "contribution.unemployment.backPayment2019.lastDay";
    /** The contribution year FJ-1.5 is about. */
    public static final int YEAR = 2019;

    private final Parameters parameters;

    public BackPayment2019Rule(Parameters parameters) {
        this.parameters = parameters;
    }

    /** A declaration, on {@code declaredOn}, of back payments of unemployment insurance for {@code contributionYear}. */
    public BackPaymentDecision decide(RegionCode region, int contributionYear, LocalDate declaredOn) {
        if (contributionYear != YEAR) {
            return new BackPaymentDecision(BackPaymentDecision.Outcome.NOT_GOVERNED, null, List.of(),
                    "FJ-1.5只适用于" + YEAR + "年度失业保险补缴申报");
        }
        Optional<ParameterValue> v = parameters.find(LAST_DAY, region, declaredOn);
        if (v.isEmpty()) {
            return new BackPaymentDecision(BackPaymentDecision.Outcome.NOT_GOVERNED, null, List.of(),
                    "本地区无" + YEAR + "年度失业保险补缴申报延期规定");
        }
        LocalDate lastDay = (LocalDate) v.get().value();
        List<String> sources = List.of(v.get().source());
        if (declaredOn.isAfter(lastDay)) {
            return new BackPaymentDecision(BackPaymentDecision.Outcome.REFUSED, lastDay, sources,
                    YEAR + "年度失业保险补缴申报截止于" + lastDay + "，" + declaredOn + "申报已逾期，不予受理（"
                            + v.get().source() + "）");
        }
        return new BackPaymentDecision(BackPaymentDecision.Outcome.ACCEPTED, lastDay, sources,
                YEAR + "年度失业保险补缴申报可延期至" + lastDay + "，予以受理（" + v.get().source() + "）");
    }
}
