package org.shebao.contribution;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a declaration of back payments (补缴申报) is accepted for its lateness: accepted or refused under a last
 * day, or not governed by one (the region has no such rule in force: the ordinary rules decide). With the last day
 * (null when not governed), the sources and the reason a clerk reads.
 */
public record BackPaymentDecision(Outcome outcome, LocalDate lastDay, List<String> sources, String reason) {

    public enum Outcome {
        ACCEPTED,
        REFUSED,
        NOT_GOVERNED
    }

    public boolean accepted() {
        return outcome != Outcome.REFUSED;
    }
}
