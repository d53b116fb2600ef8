package org.shebao.unemployment;

/**
 * Everything a claim was decided on, stored with the claim and shown to the reviewer and the claimant: the separation
 * evidence, eligibility, duration, amount, start and the payment schedule (null until approved).
 */
public record ClaimDecision(Separation separation, Eligibility eligibility, BenefitDuration duration,
                            BenefitAmount amount, BenefitStart start, PaymentSchedule schedule) {

    /**
     * The separation evidence: the last day of the employment, the reason, the employer's name, and where it comes
     * from (REGISTRY: the employer's 减员; CLERK: entered by {@code enteredBy}, shown as {@code enteredByName}, because the
     * employer had not filed it).
     */
    public record Separation(java.time.LocalDate separatedOn, org.shebao.registry.SeparationReason reason,
                             String employerName, String source, String enteredBy,
                             String enteredByName) {
    }
}
