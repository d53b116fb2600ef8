package org.shebao.common;

/** The record exists but lies outside the user's region or is not the user's own. HTTP 403. */
public class AccessDeniedToRecordException extends RuntimeException {
    public AccessDeniedToRecordException(String what) {
        super("access to " + what + " denied");
    }
}
