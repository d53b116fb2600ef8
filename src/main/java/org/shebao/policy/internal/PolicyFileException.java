package org.shebao.policy.internal;

/**
 * A policy file (parameters, measures, holidays, emergencies, a scenario) that cannot be trusted: names the file,
 * the line and the reason. Thrown at start, it stops the platform rather than let it run on a broken policy set.
 */
public class PolicyFileException extends IllegalStateException {
    private final String file;
    private final int line;
    private final String reason;

    public PolicyFileException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the whole file is at fault. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
