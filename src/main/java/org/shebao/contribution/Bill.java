package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shebao.common.Money;
import org.shebao.registry.EmployerSize;

/**
 * An employer's monthly bill (核定) as stored: the employer's class and work-injury risk class it was computed with,
 * the 2020 relief that applied (kind, the share still due, the parameter's source), the totals and a line per
 * employee and insurance ({@link AssessmentRule}). {@code illustrative} when a figure behind it (the average wage) is
 * a demo value.
 */
public record Bill(long id, long employerId, String regionCode, YearMonth month, BillStatus status,
                   EmployerSize sizeClass, int riskClass, Relief.Kind reliefKind, BigDecimal reliefFactor,
                   String reliefSource, int employees, Money employerFull, Money employerRelieved, Money employerDue,
                   Money personalDue, Money totalDue, boolean illustrative, String computedBy,
                   OffsetDateTime computedAt, int version, Money paid, LocalDate dueOn, List<Line> lines) {

    /** What is still to pay. */
    public Money outstanding() {
        return totalDue.minus(paid);
    }

    /** The bill with its lines. */
    Bill withLines(List<Line> lines) {
        return new Bill(id, employerId, regionCode, month, status, sizeClass, riskClass, reliefKind, reliefFactor,
                reliefSource, employees, employerFull, employerRelieved, employerDue, personalDue, totalDue,
                illustrative, computedBy, computedAt, version, paid, dueOn, lines);
    }

    /** Where a line's base came from: the month's own declaration, or the yearly base. */
    public enum BaseFrom {
        MONTHLY, YEARLY
    }

    /** One employee, one insurance: the base, the rates, employer share full / relieved / due, the personal share. */
    public record Line(long personId, String personName, String idNumberMasked, Insurance insurance, BaseFrom baseFrom,
                       Money declaredBase, Money baseUsed, BaseDecision.Outcome clamp, BigDecimal employerRate,
                       BigDecimal personalRate, Money employerFull, Money employerRelieved, Money employerDue,
                       Money personalDue, String reliefSource) {

        public boolean relieved() {
            return employerRelieved.isPositive();
        }

        /** The documents the relief of this line rests on (null when it is not relieved). */
        public String reliefDocuments() {
            return relieved() ? documents(reliefSource) : null;
        }

        public String employerRatePercent() {
            return BaseDecision.percent(employerRate);
        }

        public String personalRatePercent() {
            return BaseDecision.percent(personalRate);
        }

        public Money totalDue() {
            return employerDue.plus(personalDue);
        }
    }

    /** The totals of one insurance. */
    public record InsuranceTotal(Insurance insurance, Money employerFull, Money employerRelieved, Money employerDue,
                                 Money personalDue, String reliefSource) {
        public String reliefDocuments() {
            return employerRelieved.isPositive() ? documents(reliefSource) : null;
        }

        public Money totalDue() {
            return employerDue.plus(personalDue);
        }
    }

    /** The totals per insurance, in the order of {@link Insurance}, for the insurances that have lines. */
    public List<InsuranceTotal> byInsurance() {
        Map<Insurance, InsuranceTotal> m = new LinkedHashMap<>();
        for (Insurance i : Insurance.values()) {
            Money full = Money.ZERO;
            Money relieved = Money.ZERO;
            Money due = Money.ZERO;
            Money personal = Money.ZERO;
            String source = null;
            boolean any = false;
            for (Line l : lines) {
                if (l.insurance() == i) {
                    any = true;
                    full = full.plus(l.employerFull());
                    relieved = relieved.plus(l.employerRelieved());
                    due = due.plus(l.employerDue());
                    personal = personal.plus(l.personalDue());
                    source = source == null ? l.reliefSource() : source;
                }
            }
            if (any) {
                m.put(i, new InsuranceTotal(i, full, relieved, due, personal, source));
            }
        }
        return new ArrayList<>(m.values());
    }

    /** The employees on the bill, each with their lines, in name order. */
    public Map<Long, List<Line>> byPerson() {
        Map<Long, List<Line>> m = new LinkedHashMap<>();
        lines.forEach(l -> m.computeIfAbsent(l.personId(), k -> new ArrayList<>()).add(l));
        return m;
    }

    /** How the relief is named (the message {@code bill.relief.CODE}): HALVED for a factor of one half. */
    public String reliefCode() {
        return reliefKind == Relief.Kind.REDUCED && reliefFactor.compareTo(new BigDecimal("0.5")) == 0 ? "HALVED"
                : reliefKind.name();
    }

    /** A month as a form or a path writes it ({@code 2020-03}); anything else is refused on {@code field}. */
    public static YearMonth month(String raw, String field) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw org.shebao.common.InvalidInputException.of(field, "error.required");
        }
        if (s.matches("\\d{4}-\\d{2}")) {
            int m = Integer.parseInt(s.substring(5));
            if (m >= 1 && m <= 12) {
                return YearMonth.of(Integer.parseInt(s.substring(0, 4)), m);
            }
        }
        throw org.shebao.common.InvalidInputException.of(field, "error.bill.month", s);
    }

    /** The share still due as a percentage, e.g. {@code 50%}. */
    public String reliefPercent() {
        return BaseDecision.percent(reliefFactor);
    }

    private static final Pattern DOCUMENT = Pattern.compile("[\\p{IsHan}A-Za-z]+〔\\d{4}〕\\d+号");

    /**
     * The documents a source cites, for a bill line (e.g. 「人社部发〔2020〕11号、人社部发〔2020〕49号」); the whole source
     * when it names none.
     */
    public static String documents(String source) {
        if (source == null) {
            return null;
        }
        List<String> found = new ArrayList<>();
        Matcher m = DOCUMENT.matcher(source);
        while (m.find()) {
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found.isEmpty() ? source : String.join("、", found);
    }
}
