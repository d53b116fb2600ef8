/**
 * Contribution: the rights record (个人权益记录) of each person, year by year, the deferral of flexible workers'
 * 2020 contributions (N-5b), employers' declarations, bills, deferrals, payments and arrears.
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
 *       {@link org.shebao.contribution.LateFeeDecision}; called by {@code LatePaymentRule} for every late payment;</li>
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
 *       one bill per employer and month, recomputed while nothing has been paid on it when its declarations change;
 *       due on {@code contribution.bill.dueDay} (15, illustrative) of the month after; booked per fund as
 *       contributions receivable against contribution income (and the difference when recomputed). A printable bill
 *       page and JSON, the relief's source on every relieved line. {@link org.shebao.contribution.BillStatus}: OPEN,
 *       PART_PAID, PAID.</li>
 * </ul>
 * Issue 11, third slice (items 4 and 5, and the employer side of N-5c / FJ-5c):
 * <ul>
 *   <li>{@link org.shebao.contribution.EmployerDeferrals}: an employer's deferral (缓缴, 人社部发〔2020〕11号 第三条),
 *       applied for as the casework case type EMPLOYER_DEFERRAL (the handler lives in casework, which depends on this
 *       module), at most {@code contribution.deferral.employer.maxMonths} (6) months; approval records it, ending on
 *       the due date of the last month's bill, and tracks its back-payment deadline (LIFTED_PLUS_3_MONTHS).
 *       {@code standing(employer, day)} → {@link org.shebao.contribution.DeferralStanding} is FJ-1.4's input for the
 *       work-injury module (WorkInjuryBenefits, DeferralCoverRule);</li>
 *   <li>{@link org.shebao.contribution.Payments}: the collection channel's CSV ({@code PaymentFiles}, layout in
 *       docs/payment-file.md) imported line by line, all or nothing, once (file hash and the payment reference are
 *       unique); online payments; each matched to the month's bill (overpaid and unmatched amounts kept on the
 *       payment); the late fee on the part applied by {@link org.shebao.contribution.LatePaymentRule}, which calls
 *       {@code LateFeeRule} with the waiver that applies (a deferral covering the month, or the measure
 *       LATE_PAYMENT_NO_LATE_FEE, N-5c / FJ-5c, for money due while it was in force and paid by lifted + 3 months,
 *       pending while the lifted date is unknown); worklists (underpaid, overpaid, unmatched, arrears); the money
 *       applied booked per fund (collection account against receivable, split by the bill's shares) and the fee
 *       charged as late fees receivable against late-fee income.</li>
 * </ul>
 * Issue 11, fourth slice (N-5b / N-5c, FJ-5b / FJ-5c for flexible workers, item 7, N-5a on declarations):
 * <ul>
 *   <li>{@link org.shebao.contribution.PersonPayments}: a flexible worker's own pension payments, a lump sum, a gap or
 *       one month, each month decided by {@link org.shebao.contribution.PaidMonthRule} (in time; late but N-5c / FJ-5c
 *       by lifted + 3 months: no fee, in its own month; else the late fee and a back payment, a break in the record)
 *       and flagged with the deferral measure's clauses;</li>
 *   <li>{@link org.shebao.contribution.PaidMonth}: every paid month (these payments, and each employee's month of a bill
 *       paid in full, by {@code Payments}), added to its year in {@code Contributions.rightsRecord}, which the pension
 *       and unemployment modules read;</li>
 *   <li>{@code Declarations}: a declaration after its period fell due is accepted and flagged N-5a while the measure is
 *       in force.</li>
 * </ul>
 * Collection (issue 11): a late fee is an assessment of its own ({@code LateFees}: days, rate and its source, waiver
 * with its clauses), payable; a payment's money goes to the bill's contributions first, then to the late fees owed
 * (oldest first), the rest to the employer's credit ({@code Allocation}, the one place of that order); the credit
 * (预收, 2121 in the pension fund's chart) is applied to the employer's next bill when assessed ({@code Bills.assess})
 * or refunded on request with another finance user's approval; receipts naming no employer are 暂收款 (2131) until
 * matched once to an employer or refunded ({@code Collection}).
 * Not yet: a payment file's line with an unknown credit code stays a bad line (暂收款 are recorded one by one); credit
 * is not applied to late fees; flexible workers' late fees stay receivable (no assessment of their own); FJ-1.5 at the counter ({@code BackPayment2019Rule} is
 * not called); urban-rural residents' payments. The 2020 relief is no measure of the catalog (it rests on 人社部发〔2020〕11号 and 49号, not the
 * three notices): it is applied from the parameters on every bill; likewise the employer deferral.
 */
@ApplicationModule(displayName = "Contribution")
package org.shebao.contribution;

import org.springframework.modulith.ApplicationModule;
