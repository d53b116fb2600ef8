package org.shebao.hall.internal;

/** A symptom a staff member reports in the health ledger (SX-5); any one flags the person. */
public enum Symptom {
    COUGH, SORE_THROAT, FATIGUE, SHORT_OF_BREATH, DIARRHOEA, LOSS_OF_SMELL_OR_TASTE
}
