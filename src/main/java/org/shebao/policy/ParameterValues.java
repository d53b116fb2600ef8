package org.shebao.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The structured value types a parameter may hold. */
public final class ParameterValues {
    private ParameterValues() {
    }

    /** A closed range [min, max], e.g. SX-1b's pre-payment ratio 0.85–0.90. */
    public record Range(BigDecimal min, BigDecimal max) {
        public boolean contains(BigDecimal x) {
            return x.compareTo(min) >= 0 && x.compareTo(max) <= 0;
        }

        @Override
        public String toString() {
            return min.toPlainString() + "–" + max.toPlainString();
        }
    }

    /** Whole numbers by a whole-number key (e.g. 计发月数 by retirement age). */
    public record Table(NavigableMap<Integer, Integer> rows) {
        public Table {
            rows = Collections.unmodifiableNavigableMap(new TreeMap<>(rows));
        }

        public Optional<Integer> get(int key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public String toString() {
            return rows.entrySet().stream().map(e -> e.getKey() + "→" + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    /** Exact rates by a whole-number key (e.g. the work-injury base rate by industry risk class 1–8). */
    public record RateTable(NavigableMap<Integer, BigDecimal> rows) {
        public RateTable {
            rows = Collections.unmodifiableNavigableMap(new TreeMap<>(rows));
        }

        public Optional<BigDecimal> get(int key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public String toString() {
            return rows.entrySet().stream().map(e -> e.getKey() + "→" + e.getValue().toPlainString())
                    .collect(Collectors.joining(", "));
        }
    }

    /** A step function: the value of the highest threshold not above x; below the first threshold, none. */
    public record Brackets(NavigableMap<BigDecimal, Integer> steps) {
        public Brackets {
            steps = Collections.unmodifiableNavigableMap(new TreeMap<>(steps));
        }

        public Optional<Integer> valueFor(BigDecimal x) {
            Map.Entry<BigDecimal, Integer> e = steps.floorEntry(x);
            return e == null ? Optional.empty() : Optional.of(e.getValue());
        }

        @Override
        public String toString() {
            return steps.entrySet().stream().map(e -> "≥" + e.getKey().toPlainString() + "→" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * A statutory retirement age: {@code years}, raised for people born in or after {@code riseFrom} by one month
     * for every {@code everyMonths} months of birth, up to {@code maxRiseMonths} (the 2024-09-13 decision of the
     * NPC Standing Committee, in force 2025-01-01).
     */
    public record RetirementAge(int years, YearMonth riseFrom, int everyMonths, int maxRiseMonths) {
        /** Months added to {@code years} for someone born on this day. */
        public int riseMonths(LocalDate birth) {
            YearMonth born = YearMonth.from(birth);
            if (riseFrom == null || born.isBefore(riseFrom)) {
                return 0;
            }
            long k = riseFrom.until(born, ChronoUnit.MONTHS);
            return (int) Math.min(maxRiseMonths, k / everyMonths + 1);
        }

        /** The day the person reaches this retirement age. */
        public LocalDate reachedOn(LocalDate birth) {
            return birth.plusYears(years).plusMonths(riseMonths(birth));
        }

        @Override
        public String toString() {
            return riseFrom == null ? years + "岁"
                    : years + "岁，" + riseFrom + "起出生者每" + everyMonths + "个月延迟1个月，最多" + maxRiseMonths + "个月";
        }
    }

    static List<String> typeNames() {
        return List.of("money", "decimal", "integer", "date", "range", "table", "rateTable", "brackets", "retirementAge", "text");
    }
}
