package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;

/**
 * One employee's contributions for one month (核定): the base used (with its clamping), the relief that applied to
 * the employer shares, and a line per insurance the employee is enrolled in, in the order of {@link Insurance}.
 */
public record Assessment(YearMonth month, BaseDecision base, Relief relief, List<Line> lines) {

    /**
     * One insurance: rates and their sources; the employer share before relief, the part relieved and the part due;
     * the personal share (never relieved). {@code reliefSource} is the relief's source when this line is relieved.
     */
    public record Line(Insurance insurance, BigDecimal employerRate, BigDecimal personalRate, Money employerFull,
                       Money employerRelieved, Money employerDue, Money personalDue, List<String> sources,
                       String reliefSource) {

        public Money totalDue() {
            return employerDue.plus(personalDue);
        }
    }

    public Line line(Insurance insurance) {
        return lines.stream().filter(l -> l.insurance() == insurance).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not enrolled in " + insurance));
    }

    public Money employerDue() {
        return lines.stream().map(Line::employerDue).reduce(Money.ZERO, Money::plus);
    }

    public Money employerRelieved() {
        return lines.stream().map(Line::employerRelieved).reduce(Money.ZERO, Money::plus);
    }

    public Money personalDue() {
        return lines.stream().map(Line::personalDue).reduce(Money.ZERO, Money::plus);
    }

    public Money totalDue() {
        return employerDue().plus(personalDue());
    }
}
