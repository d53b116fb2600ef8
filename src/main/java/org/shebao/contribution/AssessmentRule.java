package org.shebao.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.registry.EmployerSize;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.ParameterValues.RateTable;
import org.shebao.policy.Parameters;

/**
 * Monthly assessment of one employee (核定), a pure function of (facts, parameters, the month):
 * <ol>
 *   <li>the base: the declared wage clamped by {@link BaseRule};</li>
 *   <li>per insurance the employee is enrolled in, employer share = base × employer rate and personal share =
 *       base × personal rate, each 四舍五入 to the fen (HALF_UP). Rates: {@code contribution.rate.pension.*},
 *       {@code contribution.rate.unemployment.*}, and for work injury the base rate of the employer's industry risk
 *       class in {@code contribution.rate.workInjury.byRiskClass} (employer only, no personal share);</li>
 *   <li>the 2020 relief on the employer share only: due = full × the factor of the employer's class
 *       ({@code contribution.relief.sme.employerFactor} for medium, small and micro enterprises and individual
 *       businesses; {@code contribution.relief.largeAndOther.employerFactor} for large enterprises and other units),
 *       rounded HALF_UP to the fen; relieved = full − due. No value in force for the month: no relief. Public
 *       institutions get none (人社部发〔2020〕11号 第一条 “不含机关事业单位”).</li>
 * </ol>
 * Parameters are those in force on the first day of the month (费款所属期), for the employer's region.
 */
public final class AssessmentRule {
    static final String PENSION_EMPLOYER = "contribution.rate.pension.employer";
    static final String PENSION_PERSONAL = "contribution.rate.pension.personal";
    static final String UNEMPLOYMENT_EMPLOYER = "contribution.rate.unemployment.employer";
    static final String UNEMPLOYMENT_PERSONAL = "contribution.rate.unemployment.personal";
    static final String WORK_INJURY = "contribution.rate.workInjury.byRiskClass";
    static final String RELIEF_SME = "contribution.relief.sme.employerFactor";
    static final String RELIEF_LARGE_AND_OTHER = "contribution.relief.largeAndOther.employerFactor";
    /** Where 人社部发〔2020〕11号 excludes public institutions. */
    static final String PUBLIC_INSTITUTION_EXCLUDED = "人社部发〔2020〕11号 第一条（不含机关事业单位）";

    private final Parameters parameters;
    private final BaseRule baseRule;

    public AssessmentRule(Parameters parameters) {
        this.parameters = parameters;
        this.baseRule = new BaseRule(parameters);
    }

    public Assessment assess(AssessmentFacts facts, YearMonth month) {
        RegionCode region = facts.region();
        LocalDate on = month.atDay(1);
        BaseDecision base = baseRule.clamp(region, month, facts.declaredBase());
        Relief relief = relief(facts.size(), region, on);
        List<Assessment.Line> lines = new ArrayList<>();
        for (Insurance insurance : Insurance.values()) {
            if (!facts.insured().contains(insurance)) {
                continue;
            }
            ParameterValue employer;
            BigDecimal employerRate;
            ParameterValue personal = null;
            BigDecimal personalRate = BigDecimal.ZERO;
            switch (insurance) {
                case PENSION -> {
                    employer = parameters.require(PENSION_EMPLOYER, region, on);
                    employerRate = (BigDecimal) employer.value();
                    personal = parameters.require(PENSION_PERSONAL, region, on);
                    personalRate = (BigDecimal) personal.value();
                }
                case UNEMPLOYMENT -> {
                    employer = parameters.require(UNEMPLOYMENT_EMPLOYER, region, on);
                    employerRate = (BigDecimal) employer.value();
                    personal = parameters.require(UNEMPLOYMENT_PERSONAL, region, on);
                    personalRate = (BigDecimal) personal.value();
                }
                case WORK_INJURY -> {
                    employer = parameters.require(WORK_INJURY, region, on);
                    int riskClass = facts.workInjuryRiskClass();
                    employerRate = ((RateTable) employer.value()).get(riskClass).orElseThrow(() ->
                            new IllegalArgumentException("no work-injury base rate for risk class " + riskClass));
                }
                default -> throw new IllegalStateException(insurance.name());
            }
            Money full = base.used().times(employerRate);
            Money due = full.times(relief.factor());
            Money personalDue = base.used().times(personalRate);
            List<String> sources = new ArrayList<>();
            sources.add(employer.source());
            if (personal != null && !personal.source().equals(employer.source())) {
                sources.add(personal.source());
            }
            lines.add(new Assessment.Line(insurance, employerRate, personalRate, full, full.minus(due), due,
                    personalDue, List.copyOf(sources), relief.relieves() ? relief.source() : null));
        }
        return new Assessment(month, base, relief, List.copyOf(lines));
    }

    /** The relief of the employer's class in force on the month's first day. */
    Relief relief(EmployerSize size, RegionCode region, LocalDate on) {
        return switch (ReliefGroup.of(size)) {
            case SME -> factor(RELIEF_SME, region, on);
            case LARGE_AND_OTHER -> factor(RELIEF_LARGE_AND_OTHER, region, on);
            // in a month when other units are relieved, say why a public institution is not
            case NONE -> parameters.find(RELIEF_LARGE_AND_OTHER, region, on).isPresent()
                    || parameters.find(RELIEF_SME, region, on).isPresent()
                    ? new Relief(Relief.Kind.EXCLUDED, BigDecimal.ONE, PUBLIC_INSTITUTION_EXCLUDED) : Relief.NONE;
        };
    }

    private Relief factor(String key, RegionCode region, LocalDate on) {
        Optional<ParameterValue> v = parameters.find(key, region, on);
        return v.map(p -> Relief.of((BigDecimal) p.value(), p.source())).orElse(Relief.NONE);
    }
}
