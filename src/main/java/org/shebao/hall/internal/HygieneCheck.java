package org.shebao.hall.internal;

/** A daily check of the hall hygiene ledger (N-2, FJ-2, SX-5), with the parameter holding its due times. */
public enum HygieneCheck {
    VENTILATION("hall.hygiene.ventilation.dueTimes"),
    COUNTER_DISINFECTION("hall.hygiene.counterDisinfection.dueTimes"),
    MACHINE_DISINFECTION("hall.hygiene.machineDisinfection.dueTimes"),
    STAFF_MASKS("hall.hygiene.staffMasks.dueTimes");

    private final String parameter;

    HygieneCheck(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
