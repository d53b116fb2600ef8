package org.shebao.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The random draw of an internal audit (N-1e, FJ-1.7), a pure function: the population ordered by its stable key
 * ({@link AuditCandidate#ref()}), then a partial Fisher–Yates shuffle driven by {@link Random} with the recorded seed
 * (whose algorithm the Java specification fixes), so that the same seed over the same population draws the same items
 * in the same order, on any machine and any day.
 */
public final class AuditDraw {
    private AuditDraw() {
    }

    /** The population in its stable order. */
    public static List<AuditCandidate> ordered(List<AuditCandidate> population) {
        return population.stream().sorted(Comparator.comparing(AuditCandidate::ref)).toList();
    }

    /** How many a share of the population comes to: rounded up, at least one. */
    public static int sizeOf(BigDecimal share, int populationSize) {
        int n = share.multiply(BigDecimal.valueOf(populationSize)).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.max(1, Math.min(n, populationSize));
    }

    /** {@code size} members of the ordered population, in the order drawn. */
    public static List<AuditCandidate> draw(List<AuditCandidate> ordered, int size, long seed) {
        if (size < 1 || size > ordered.size()) {
            throw new IllegalArgumentException("sample of " + size + " from " + ordered.size());
        }
        List<AuditCandidate> pool = new ArrayList<>(ordered);
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(pool.size() - i);
            AuditCandidate t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return List.copyOf(pool.subList(0, size));
    }
}
