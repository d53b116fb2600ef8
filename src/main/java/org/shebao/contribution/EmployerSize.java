package org.shebao.contribution;

/**
 * An insured unit's class for the 2020 relief of employer shares (人社部发〔2020〕11号 第一条, 人社部发〔2020〕49号
 * 第一条). Enterprise size follows 工信部联企业〔2011〕300号《中小企业划型标准规定》; the class is an attribute of
 * the employer, set with its evidence (issue 11), not computed here.
 */
public enum EmployerSize {
    /** 大型企业: halved (减半征收). */
    LARGE(ReliefGroup.LARGE_AND_OTHER, "大型企业"),
    /** 中型企业: 11号 exempts 中小微企业, so medium counts with small and micro (免征), not with large. */
    MEDIUM(ReliefGroup.SME, "中型企业"),
    SMALL(ReliefGroup.SME, "小型企业"),
    MICRO(ReliefGroup.SME, "微型企业"),
    /** 以单位方式参保的个体工商户: exempt like small and micro enterprises (人社部发〔2020〕11号). */
    INDIVIDUAL_BUSINESS(ReliefGroup.SME, "以单位方式参保的个体工商户"),
    /** 其他参保单位 (social organisations, private non-enterprise units …): with large enterprises (减半征收). */
    OTHER_UNIT(ReliefGroup.LARGE_AND_OTHER, "其他参保单位"),
    /** 机关事业单位: no relief (11号 第一条 “不含机关事业单位”). */
    PUBLIC_INSTITUTION(ReliefGroup.NONE, "机关事业单位");

    /** Which relief parameter applies to the class. */
    public enum ReliefGroup {
        /** {@code contribution.relief.sme.employerFactor}. */
        SME,
        /** {@code contribution.relief.largeAndOther.employerFactor}. */
        LARGE_AND_OTHER,
        /** None: public institutions. */
        NONE
    }

    private final ReliefGroup reliefGroup;
    private final String label;

    EmployerSize(ReliefGroup reliefGroup, String label) {
        this.reliefGroup = reliefGroup;
        this.label = label;
    }

    public ReliefGroup reliefGroup() {
        return reliefGroup;
    }

    public String label() {
        return label;
    }
}
