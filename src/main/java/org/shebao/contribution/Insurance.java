package org.shebao.contribution;

/** The three insurances this agency collects (medical insurance is another agency's). */
public enum Insurance {
    /** 基本养老保险 (enterprise employees; public institutions' scheme at the same rates since 2019-05-01). */
    PENSION("基本养老保险"),
    /** 失业保险. */
    UNEMPLOYMENT("失业保险"),
    /** 工伤保险: the employer pays, the employee does not (社会保险法 第三十三条). */
    WORK_INJURY("工伤保险");

    private final String label;

    Insurance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
