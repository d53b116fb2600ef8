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
 * Money in yuan, 四舍五入 to the fen (HALF_UP). Nothing calls these rules yet: declarations, bills, payments,
 * arrears and the employer's services (issue 11's other items) come later, and no measure of the catalog claims them.
 */
@ApplicationModule(displayName = "Contribution")
package org.shebao.contribution;

import org.springframework.modulith.ApplicationModule;
