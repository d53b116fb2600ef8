package org.shebao.registry;

/**
 * An employer's class (单位类型/企业规模): enterprise size by 工信部联企业〔2011〕300号《中小企业划型标准规定》, or the kind
 * of unit when it is no enterprise. The class is an attribute of the employer, set by a clerk with its evidence
 * (issue 11; {@link Employers#classifySize}), not computed. What a class means for contributions (the 2020 relief
 * of 人社部发〔2020〕11号, 49号) is the contribution module's business. Its names, in each language, are the messages
 * {@code employerSize.CODE}.
 */
public enum EmployerSize {
    /** 大型企业. */
    LARGE,
    /** 中型企业. */
    MEDIUM,
    /** 小型企业. */
    SMALL,
    /** 微型企业. */
    MICRO,
    /** 以单位方式参保的个体工商户. */
    INDIVIDUAL_BUSINESS,
    /** 其他参保单位 (social organisations, private non-enterprise units …). */
    OTHER_UNIT,
    /** 机关事业单位. */
    PUBLIC_INSTITUTION
}
