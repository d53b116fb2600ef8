package org.shebao.settlement;

import java.util.List;
import org.shebao.common.RegionCode;

/**
 * What an auditor may sample (issue 15, item 2; N-1e, FJ-1.7): the flagged cases, or the flagged payments, of a region
 * and the regions below it, implemented by the module that keeps them (a Spring bean). It only reads: the audit never
 * changes what it samples.
 */
public interface AuditPopulation {

    /** The population's code (upper case, unique); its name on screens is {@code audit.population.<code>}. */
    String kind();

    /** The measures (flag codes) items of the scope carry, in code order. */
    List<String> measures(RegionCode scope);

    /**
     * The items of the scope flagged with the measure. The order does not matter: the draw orders them by
     * {@link AuditCandidate#ref()}, a stable key.
     */
    List<AuditCandidate> members(RegionCode scope, String measure);
}
