package org.shebao.hall.internal;

/**
 * A daily check of the hall hygiene ledger (N-2, FJ-2, SX-5); its due times are a parameter each
 * ({@link HallParameters#dueTimes}).
 */
public enum HygieneCheck {
    VENTILATION, COUNTER_DISINFECTION, MACHINE_DISINFECTION, STAFF_MASKS
}
