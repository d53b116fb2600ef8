package org.shebao.contribution;

import org.shebao.registry.EmployerSize;

/**
 * Which 2020 relief parameter applies to an employer's class (人社部发〔2020〕11号 第一条, 人社部发〔2020〕49号 第一条).
 */
enum ReliefGroup {
    /** {@code contribution.relief.sme.employerFactor}: 中小微企业 and individual businesses insured as units (免征). */
    SME,
    /** {@code contribution.relief.largeAndOther.employerFactor}: large enterprises and other units (减半征收). */
    LARGE_AND_OTHER,
    /** None: public institutions (11号 第一条 “不含机关事业单位”). */
    NONE;

    static ReliefGroup of(EmployerSize size) {
        return switch (size) {
            // 11号 exempts 中小微企业: medium counts with small and micro, not with large
            case MEDIUM, SMALL, MICRO, INDIVIDUAL_BUSINESS -> SME;
            case LARGE, OTHER_UNIT -> LARGE_AND_OTHER;
            case PUBLIC_INSTITUTION -> NONE;
        };
    }
}
