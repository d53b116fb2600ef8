/**
 * The monthly payroll (待遇发放): standing orders registered by the benefit modules, one-off adjustments (arrears,
 * settlements, deductions), runs per region and month that are idempotent, resumable after a crash and run by one
 * instance at a time, the double-entry postings of each run, and the bank disbursement file.
 */
@ApplicationModule(displayName = "Payroll")
package org.shebao.payroll;

import org.springframework.modulith.ApplicationModule;
