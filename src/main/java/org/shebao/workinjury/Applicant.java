package org.shebao.workinjury;

/** Who applies for recognition (工伤保险条例 第十七条): the employer, or the worker, the family (or the union). */
public enum Applicant {
    EMPLOYER, WORKER, FAMILY
}
