package org.shebao.casework;

import java.util.List;

/** A special measure applied to a case (N-1e: every case handled under a measure carries its flag), with its clauses. */
public record CaseFlag(String code, List<String> clauses) {
    public CaseFlag {
        clauses = List.copyOf(clauses);
    }
}
