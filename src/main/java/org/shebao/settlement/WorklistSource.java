package org.shebao.settlement;

import java.util.List;
import org.shebao.policy.Emergency;

/**
 * One kind of settlement worklist, implemented by the module that keeps its items (a Spring bean): which items of a
 * lifted emergency's regions need a decision. Asked again whenever worklists are opened; an item already open is kept
 * as it is (by its kind and reference).
 */
public interface WorklistSource {

    /** The kind's code (upper case, unique), its name on screens is {@code settlement.kind.<code>}. */
    String kind();

    /** The clauses the kind comes from. */
    List<String> clauses();

    /** The items of the emergency's region and the regions below it that need a decision now. */
    List<WorklistCandidate> candidates(Emergency emergency);
}
