package org.shebao.policy.internal;

import org.shebao.policy.Implements;

import java.util.List;
import org.shebao.common.RegionCode;

/**
 * An emergency measure of the catalog, with the jurisdictions where it applies and the clauses that say so.
 * {@code waitsFor} is the issue a measure not carried out yet waits for (null: rules carry it out, see
 * {@link Implements}); such a measure is never in force.
 */
public record Measure(String code, String name, String nameEn, String until, List<Scope> scopes, Integer waitsFor) {

    public boolean implemented() {
        return waitsFor == null;
    }

    /** Where a measure applies: a jurisdiction (and the regions below it), its clauses, optionally its own end. */
    public record Scope(RegionCode region, List<String> clauses, String until) {
    }
}
