package org.shebao.casework;

/**
 * The commitment letter (承诺书) text, generated from the case (SX-3); its full text is shown on the form before the
 * applicant ticks and signs it (issue 17 item 3), with the case reference given at submission.
 */
public final class CommitmentLetters {
    /** Stands for the case reference on the form, before the case exists. */
    public static final String REFERENCE_PENDING = "（提交后生成）";

    private CommitmentLetters() {
    }

    public static String text(String name, String maskedId, String reference, String item, String clauses) {
        return "承诺书\n本人" + name + "（公民身份号码 " + maskedId + "）办理编号为 " + reference
                + " 的业务，因疫情防控期间无法提供「" + MaterialNames.zh(item) + "」，根据告知承诺制（" + clauses
                + "），郑重承诺：所填信息真实、准确、完整，并于疫情解除后三个月内一次性补交上述材料。"
                + "如有不实或逾期未补交，本人愿承担由此产生的一切法律责任，并同意经办机构依法处理。";
    }
}
