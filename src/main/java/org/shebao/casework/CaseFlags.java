package org.shebao.casework;

/** The flag codes cases carry; each is a measure code of policy/measures.yml. */
public final class CaseFlags {
    public static final String GREEN_CHANNEL = "GREEN_CHANNEL";
    public static final String COMMITMENT_RULE = "COMMITMENT_RULE";
    public static final String ONLINE_FIRST = "ONLINE_FIRST";
    public static final String ONLINE_BENEFIT_APPLICATION = "ONLINE_BENEFIT_APPLICATION";

    private CaseFlags() {
    }
}
