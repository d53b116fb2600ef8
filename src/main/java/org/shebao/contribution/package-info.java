/**
 * Contribution: the rights record (个人权益记录) of each person, year by year, and the deferral of flexible workers'
 * 2020 contributions (N-5b).
 * <p>
 * Issue 11, first slice: the contribution rules as pure functions of (facts, parameters, the month), each decision
 * citing the sources it rests on, parameters in {@code policy/parameters/contribution.yml}:
 * <ul>
 *   <li>{@link org.shebao.contribution.BaseRule}: a declared wage base clamped to 60%–300% of the province's average
 *       wage of the year before (国办发〔2019〕13号) → {@link org.shebao.contribution.BaseDecision};</li>
 *   <li>{@link org.shebao.contribution.AssessmentRule}: one employee's month, employer and personal shares per
 *       {@link org.shebao.contribution.Insurance}, with the 2020 relief of employer shares by
 *       {@link org.shebao.registry.EmployerSize} (人社部发〔2020〕11号, 49号; {@code ReliefGroup}) →
 *       {@link org.shebao.contribution.Assessment};</li>
 *   <li>{@link org.shebao.contribution.LateFeeRule}: 0.05% a day (社会保险法 第八十六条), waived by an input
 *       {@link org.shebao.contribution.LateFeeWaiver} (N-5c / FJ-5c lifted + 3 months, or a deferral) →
 *       {@link org.shebao.contribution.LateFeeDecision};</li>
 *   <li>{@link org.shebao.contribution.BackPayment2019Rule}: FJ-1.5's last day for 2019 unemployment back-payment
 *       declarations → {@link org.shebao.contribution.BackPaymentDecision}.</li>
 * </ul>
 * Money in yuan, 四舍五入 to the fen (HALF_UP).
 * <p>
 * Issue 11, second slice, wired to screens and the API (the employer's own portal user, or a clerk of its region):
 * <ul>
 *   <li>{@link org.shebao.contribution.Declarations}: wage-base declarations (缴费基数申报), a yearly base per employee
 *       and monthly lines that override it for their month, from a CSV or Excel upload (the agency's template) or
 *       JSON; checked line by line (not an employee of the unit in that period, malformed, negative or absurd base,
 *       duplicate, future period), nothing written unless every line is good; each base clamped by {@code BaseRule}
 *       and stored with the base used and why; declaring a period again supersedes the earlier declaration (kept,
 *       and in the operation log);</li>
 *   <li>{@link org.shebao.contribution.Bills}: the monthly bill (核定) by {@code AssessmentRule} for every enrolled
 *       employee with a declared base, with the employer's size class (the 2020 relief) and work-injury risk class;
 *       one open bill per employer and month, recomputed while open when its declarations change; a printable bill
 *       page and JSON, the relief's source on every relieved line. {@link org.shebao.contribution.BillStatus} has
 *       only {@code OPEN}.</li>
 * </ul>
 * Not yet: payments and their matching, arrears, late fees charged ({@code LateFeeRule} is not called), FJ-1.5 at
 * the counter ({@code BackPayment2019Rule} is not called), employer deferral, N-5a / FJ-5a late business, the
 * rights record fed by paid months; no measure of the catalog (N-5a, N-5c, FJ-5a …) is claimed by this slice. The
 * 2020 relief is no measure of the catalog (it rests on 人社部发〔2020〕11号 and 49号, not the three notices): it is
 * applied from the parameters on every bill.
 */
@ApplicationModule(displayName = "Contribution")
package org.shebao.contribution;

import org.springframework.modulith.ApplicationModule;
