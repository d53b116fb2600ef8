/**
 * Settlement after an emergency (issue 15, item 1; N-1e, FJ-1.7): when an emergency is lifted, what was done under
 * its measures becomes worklists per region, one item per case or order, each closed by a decision. The kinds are
 * pluggable: a module that keeps such items implements {@link org.shebao.settlement.WorklistSource}.
 */
@ApplicationModule(displayName = "Settlement")
package org.shebao.settlement;

import org.springframework.modulith.ApplicationModule;
