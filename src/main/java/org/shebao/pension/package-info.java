/**
 * Pensions (N-1, FJ-1): the calculation of the enterprise basic pension (国发〔2005〕38号) from the policy
 * parameters, entitlement (FJ-1.2: from the month after the retirement age), arrears after a late declaration
 * (N-1d, SX-1a), and the settlement of pre-paid months against the computed pension (N-1b, FJ-1.3: 多扣少补).
 * The death of a recipient (issue 15 item 6): recorded once ({@link org.shebao.pension.Deaths}), the orders stopped and
 * the months paid after it booked as receivable ({@link org.shebao.pension.RecipientDied} is the recoveries' hook); the
 * survivors' claim with the funeral grant, the survivors' benefit and the inherited personal-account balance
 * (社会保险法 第十七条、第十四条; {@link org.shebao.pension.SurvivorsRule}, {@link org.shebao.pension.SurvivorsClaims}).
 * The rules are pure functions of their facts, the parameters and the month.
 */
@ApplicationModule(displayName = "Pension")
package org.shebao.pension;

import org.springframework.modulith.ApplicationModule;
