/**
 * Recoveries (追回, issue 15 item 5): every over-payment (months paid after a death, a pre-payment settled lower than
 * paid, benefit months paid after a stop, a settlement worklist decision) is a case with its receivable, collected by
 * deductions from later payroll runs, a payment request and repayments, or written off with a second user's approval;
 * each step booked against the receivable of the fund that paid. Other modules open cases through
 * {@link org.shebao.recovery.Recoveries#open}.
 */
@ApplicationModule(displayName = "Recovery")
package org.shebao.recovery;

import org.springframework.modulith.ApplicationModule;
