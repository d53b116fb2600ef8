package org.shebao.registry;

/**
 * An employer's class (单位类型/企业规模): enterprise size by 工信部联企业〔2011〕300号《中小企业划型标准规定》, or the kind
 * of unit when it is no enterprise. The class is an attribute of the employer, set by a clerk with its evidence
 * (issue 11; {@link Employers#classifySize}), not computed. What a class means for contributions (the 2020 relief
 * of 人社部发〔2020〕11号, 49号) is the contribution module's business.
 */
public enum EmployerSize {
    /** 大型企业. */
    LARGE("大型企业"),
    /** 中型企业. */
    MEDIUM("中型企业"),
    /** 小型企业. */
    SMALL("小型企业"),
    /** 微型企业. */
    MICRO("微型企业"),
    /** 以单位方式参保的个体工商户. */
    INDIVIDUAL_BUSINESS("以单位方式参保的个体工商户"),
    /** 其他参保单位 (social organisations, private non-enterprise units …). */
    OTHER_UNIT("其他参保单位"),
    /** 机关事业单位. */
    PUBLIC_INSTITUTION("机关事业单位");

    private final String label;

    EmployerSize(String label) {
        this.label = label;
    }

    /** The Chinese name (the messages {@code employerSize.CODE} give it in the screen's language). */
    public String label() {
        return label;
    }
}
