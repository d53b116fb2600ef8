package org.shebao.pension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.policy.ParameterValue;

/**
 * What a deceased recipient's survivors are paid once, as a pure function of the facts and the province's parameters
 * in force on the day of death:
 * <ul>
 *   <li>丧葬补助金 (funeral grant): the province's amount, {@code pension.survivors.funeralGrant} (社会保险法 第十七条);</li>
 *   <li>抚恤金 (one-time survivors' benefit): the deceased's monthly basic pension × the province's number of months,
 *       {@code pension.survivors.benefitMonths} (社会保险法 第十七条);</li>
 *   <li>个人账户余额继承 (社会保险法 第十四条): the personal-account balance less what the pension already drew from it,
 *       the personal-account part of the award (国发〔2005〕38号) for each month paid up to the death month, never
 *       below zero. Without an award (an order taken over without its calculation) the part drawn is not known: it
 *       counts as zero and the line says so.</li>
 * </ul>
 * Each line carries its source, as the pension calculation does; the decision says when a value is illustrative.
 */
public final class SurvivorsRule {
    /** The articles the decision applies, shown with it. */
    public static final List<String> CLAUSES = List.of("社会保险法 第十七条", "社会保险法 第十四条");

    private SurvivorsRule() {
    }

    /**
     * The facts: the deceased's monthly basic pension, the day of death, the personal-account balance, the award's
     * personal-account part (null when there is no award) and the pension months paid up to the death month.
     */
    public record Facts(Money monthlyPension, LocalDate diedOn, Money accountBalance, Money accountPart,
                        int monthsPaid) {
        public Facts {
            if (monthlyPension.isNegative() || accountBalance.isNegative() || monthsPaid < 0
                    || accountPart != null && accountPart.isNegative()) {
                throw new IllegalArgumentException("negative survivors' facts");
            }
        }
    }

    /** One input or result: what it is (message key suffix survivors.line.CODE), its value, its source. */
    public record Line(String code, String value, String source) {
    }

    /** The amounts decided, with every line and whether a parameter used is illustrative. */
    public record Decision(Money funeralGrant, Money survivorsBenefit, Money accountBalance, Money drawn,
                           Money inheritance, boolean illustrative, List<Line> lines, List<String> clauses) {
        /** The grant and the benefit, paid in one line (account 5003). */
        public Money grants() {
            return funeralGrant.plus(survivorsBenefit);
        }

        /** Everything paid to the applicant. */
        public Money total() {
            return grants().plus(inheritance);
        }
    }

    public static Decision decide(Facts f, ParameterValue funeralGrant, ParameterValue benefitMonths) {
        Money grant = Money.of((java.math.BigDecimal) funeralGrant.value());
        int months = ((Number) benefitMonths.value()).intValue();
        Money benefit = f.monthlyPension().times(months);
        Money drawn = f.accountPart() == null ? Money.ZERO : f.accountPart().times(f.monthsPaid()).min(f.accountBalance());
        Money inheritance = f.accountBalance().minus(drawn);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("diedOn", f.diedOn().toString(), "death"));
        lines.add(new Line("funeralGrant", grant.toString(), funeralGrant.source()));
        lines.add(new Line("monthlyPension", f.monthlyPension().toString(), "payroll"));
        lines.add(new Line("benefitMonths", String.valueOf(months), benefitMonths.source()));
        lines.add(new Line("survivorsBenefit", benefit.toString(), "社会保险法 第十七条"));
        lines.add(new Line("accountBalance", f.accountBalance().toString(), "rights"));
        if (f.accountPart() == null) {
            lines.add(new Line("drawnUnknown", drawn.toString(), "国发〔2005〕38号"));
        } else {
            lines.add(new Line("accountPart", f.accountPart().toString(), "国发〔2005〕38号"));
            lines.add(new Line("monthsPaid", String.valueOf(f.monthsPaid()), "payroll"));
            lines.add(new Line("drawn", drawn.toString(), "国发〔2005〕38号"));
        }
        lines.add(new Line("inheritance", inheritance.toString(), "社会保险法 第十四条"));
        return new Decision(grant, benefit, f.accountBalance(), drawn, inheritance,
                funeralGrant.illustrative() || benefitMonths.illustrative(), List.copyOf(lines), CLAUSES);
    }
}
