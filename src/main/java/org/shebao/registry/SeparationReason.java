package org.shebao.registry;

/**
 * Why an employee's enrollment ended (减员). Whether the separation was against the person's will is what the
 * unemployment benefit asks (失业保险条例 第十四条; 失业保险金申领登记办法 第四条: the contract ended, or the employer ended
 * it); a retirement or a death ends every enrollment. Shown by its name ({@code separation.CODE}).
 */
public enum SeparationReason {
    /** 劳动合同期满终止. */
    CONTRACT_ENDED(true),
    /** 用人单位解除劳动合同（辞退、除名、开除）. */
    DISMISSED(true),
    /** 本人辞职. */
    RESIGNED(false),
    /** 退休（待遇核定后由系统终止）. */
    RETIRED(false),
    /** 死亡. */
    DECEASED(false),
    /** 其他（参军、出国定居等）. */
    OTHER(false);

    private final boolean involuntary;

    SeparationReason(boolean involuntary) {
        this.involuntary = involuntary;
    }

    /** Whether the person lost the job against their will (非本人意愿中断就业). */
    public boolean involuntary() {
        return involuntary;
    }
}
