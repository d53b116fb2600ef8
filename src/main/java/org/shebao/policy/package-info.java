/**
 * Policy: jurisdictions (GB/T 2260, national → province → city). Later: dated parameters with their sources,
 * emergencies and their dates, the holiday calendar, deadlines and the measures catalog.
 */
@ApplicationModule(displayName = "Policy")
package org.shebao.policy;

import org.springframework.modulith.ApplicationModule;
