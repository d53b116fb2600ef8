package org.shebao.workinjury;

/**
 * How an application reached the department (FJ-6c: 电话申请时点、寄出邮件邮戳时点、政务网网上申请时点): a phone call,
 * the postmark of a letter, an online submission, or the formal application at the window.
 */
public enum ClaimChannel {
    PHONE, POSTMARK, ONLINE, WINDOW;

    /** Whether the channel counts as an application without FJ-6c (a phone call does not). */
    public boolean formal() {
        return this != PHONE;
    }
}
