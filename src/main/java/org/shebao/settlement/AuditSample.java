package org.shebao.settlement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A drawn sample: the auditor's region, the population and measure, the population's size and the digest of its keys
 * in order, what was asked (a size or a share), how many were drawn, the seed, who drew it and when; and how far its
 * review is.
 */
public record AuditSample(long id, String regionCode, String population, String measure, int populationSize,
                          String populationHash, Integer requestedSize, BigDecimal requestedShare, int sampleSize,
                          long seed, String drawnBy, OffsetDateTime drawnAt, int reviewed, int errors) {
}
