package org.shebao.common;

/** The record does not exist, or the user may not know that it exists. HTTP 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
