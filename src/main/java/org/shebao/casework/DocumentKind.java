package org.shebao.casework;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/**
 * The kinds of sealed document the agency issues (issue 16), each with its title on the PDF and the parameter that
 * gives its retention in the electronic archive (GB/T 31599-2015).
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum DocumentKind {
    /** 参保缴费证明: the insurance record, on a certificate request. */
    CONTRIBUTION_RECORD("社会保险参保缴费证明", "archive.retentionYears.certificate"),
    /** 待遇领取证明: a pension being received, asked for by its recipient. */
    BENEFIT_RECORD("基本养老保险待遇领取证明", "archive.retentionYears.certificate"),
    /** 受理回执: the receipt of a case the agency received. */
    CASE_RECEIPT("社会保险业务受理回执", "archive.retentionYears.receipt"),
    /** 缴费明细: a person's contribution months from the rights record, year by year and month by month. */
    CONTRIBUTION_DETAIL("社会保险个人缴费明细", "archive.retentionYears.certificate"),
    /** 养老金核定通知: the pension award of a retirement case, with its calculation. */
    PENSION_AWARD("基本养老金核定通知", "archive.retentionYears.award"),
    /** 核定单: an employer's monthly bill as it stands. */
    CONTRIBUTION_BILL("社会保险费核定单", "archive.retentionYears.bill"),
    /** 联系函: the receiving agency asks the sending agency for a person's pension record (国办发〔2009〕66号). */
    TRANSFER_LETTER("基本养老保险关系转移接续联系函", "archive.retentionYears.transfer"),
    /** 参保缴费凭证: the sending agency's statement of the record it transfers (or keeps). */
    TRANSFER_CERTIFICATE("基本养老保险参保缴费凭证", "archive.retentionYears.transfer"),
    /** 信息表: the years, wages and amounts of the transfer. */
    TRANSFER_INFORMATION("基本养老保险关系转移接续信息表", "archive.retentionYears.transfer");

    /** The title printed on the PDF. */
    private final String title;
    /** The key of the dated parameter with its retention in years (0: permanent). */
    private final String retentionParameter;
}
