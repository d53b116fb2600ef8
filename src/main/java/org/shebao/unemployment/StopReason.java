package org.shebao.unemployment;

/**
 * Why unemployment benefit stops (失业保险条例 第十五条), shown by its name ({@code unemployment.stop.CODE}). The
 * order ends from the month after the event; months paid after it are recovered.
 */
public enum StopReason {
    /** 重新就业的（第十五条第一项）: also found in the registry automatically. */
    REEMPLOYED,
    /** 享受基本养老保险待遇的（第十五条第四项）. */
    PENSION_STARTED,
    /** 应征服兵役的（第十五条第二项）. */
    ENLISTED,
    /** 移居境外的（第十五条第三项）. */
    EMIGRATED,
    /** 无正当理由，拒不接受当地人民政府指定的部门或者机构介绍的工作的（第十五条第六项）. */
    REFUSED_SUITABLE_WORK;

    /** The article and item that stops payment for the reason. */
    public String source() {
        return switch (this) {
            case REEMPLOYED -> "失业保险条例 第十五条第（一）项";
            case ENLISTED -> "失业保险条例 第十五条第（二）项";
            case EMIGRATED -> "失业保险条例 第十五条第（三）项";
            case PENSION_STARTED -> "失业保险条例 第十五条第（四）项";
            case REFUSED_SUITABLE_WORK -> "失业保险条例 第十五条第（六）项";
        };
    }
}
