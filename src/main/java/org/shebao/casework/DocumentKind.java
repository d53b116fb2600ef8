package org.shebao.casework;

/**
 * The kinds of sealed document the agency issues (issue 16), each with its title on the PDF and the parameter that
 * gives its retention in the electronic archive (GB/T 31599-2015).
 */
public enum DocumentKind {
    /** 参保缴费证明: the insurance record, on a certificate request. */
    CONTRIBUTION_RECORD("社会保险参保缴费证明", "archive.retentionYears.certificate"),
    /** 受理回执: the receipt of a case the agency received. */
    CASE_RECEIPT("社会保险业务受理回执", "archive.retentionYears.receipt");

    private final String title;
    private final String retentionParameter;

    DocumentKind(String title, String retentionParameter) {
        this.title = title;
        this.retentionParameter = retentionParameter;
    }

    public String title() {
        return title;
    }

    public String retentionParameter() {
        return retentionParameter;
    }
}
