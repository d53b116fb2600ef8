package org.shebao.contribution;

import java.util.EnumSet;
import java.util.Set;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.registry.EmployerSize;

/**
 * What the monthly assessment of one employee needs to know: the employer's region (the rates' jurisdiction), its
 * size class (the 2020 relief), its industry risk class 1–8 (the work-injury rate; 人社部发〔2015〕71号), the
 * insurances the employee is enrolled in, and the wage base the employer declared.
 */
public record AssessmentFacts(RegionCode region, EmployerSize size, int workInjuryRiskClass, Set<Insurance> insured,
                              Money declaredBase) {

    public AssessmentFacts {
        if (region == null || size == null || insured == null || declaredBase == null) {
            throw new IllegalArgumentException("region, size, insurances and the declared base are required");
        }
        if (insured.contains(Insurance.WORK_INJURY) && (workInjuryRiskClass < 1 || workInjuryRiskClass > 8)) {
            throw new IllegalArgumentException("the industry risk class is 1 to 8, was " + workInjuryRiskClass);
        }
        insured = Set.copyOf(insured);
    }

    /** An employee enrolled in all three insurances. */
    public static AssessmentFacts allThree(RegionCode region, EmployerSize size, int workInjuryRiskClass,
                                           Money declaredBase) {
        return new AssessmentFacts(region, size, workInjuryRiskClass, EnumSet.allOf(Insurance.class), declaredBase);
    }
}
