package org.shebao.policy.internal;

/** The dates of an emergency that deadlines and measure windows count from. */
public enum EmergencyDate {
    /** declaredOn: the start of the emergency handling period (the level-1 response). */
    DECLARED("declared"),
    /** level1EndedOn: the day the level-1 response's emergency measures end. */
    LEVEL1_ENDED("level1Ended"),
    /** liftedOn: the day the epidemic is declared lifted. */
    LIFTED("lifted");

    private final String fileName;

    EmergencyDate(String fileName) {
        this.fileName = fileName;
    }

    /** How policy files spell it. */
    public String fileName() {
        return fileName;
    }

    public static EmergencyDate ofFileName(String s) {
        for (EmergencyDate d : values()) {
            if (d.fileName.equals(s)) {
                return d;
            }
        }
        return null;
    }
}
