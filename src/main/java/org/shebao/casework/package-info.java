/**
 * Casework: online applications of every business type (N-1a, N-3, SX-2, FJ-3), one case model and workflow with
 * separation of duties, materials kept as an electronic archive (N-3c), the commitment rule with its
 * deferred-materials ledger (SX-3), the green channel (N-4, SX-4, FJ-4), applicant feedback (N-3d) and
 * electronically sealed certificates. Business types plug in through {@link org.shebao.casework.CaseTypeHandler}.
 */
@ApplicationModule(displayName = "Casework")
package org.shebao.casework;

import org.springframework.modulith.ApplicationModule;
