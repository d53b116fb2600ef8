/**
 * Work injury (工伤保险), first slice of issue 12: recognition (工伤认定) tracked end to end, from the application
 * with its filing limit (工伤保险条例 第十七条; FJ-6c: the application time is the earliest recorded time, each with
 * its evidence) through acceptance and the decision deadline (第二十条; the green channel's limit, N-4 / SX-4 / FJ-4)
 * to the decision, taken by the administrative department (role {@code INJURY_RECOGNITION}) on screen or arriving
 * from its system through the API (SX-2); and labour-capacity appraisal (劳动能力鉴定) of a recognized injury: the
 * committee's conclusion deadline (第二十五条: 60 days, extendable once by 30; FJ-6a: moved by the days on-site
 * appraisal was suspended), the conclusion (disability grade 1–10, nursing level, the document in the electronic
 * archive) and the re-appraisal window (第二十六条: 15 days; FJ-6b: a window ending during the emergency ends 15
 * days after the level-1 measures end, pending until that date is entered).
 *
 * <p>Benefits (item 3): approving a work-injury benefit case (工伤保险待遇申领, its handler here) decides the benefits
 * of the person's recognized injury of that day and its latest appraisal conclusion ({@link
 * org.shebao.workinjury.BenefitRule}: the own wage of 第六十四条, the one-time disability allowance, the monthly
 * disability allowance of grades 1–4, the nursing allowance) and pays them through the payroll from the work-injury
 * fund ({@link org.shebao.workinjury.WorkInjuryBenefits}); FJ-1.4 ({@link org.shebao.workinjury.DeferralCoverRule})
 * decides who pays an injury during the employer's contribution deferral.
 *
 * <p>SX-1b (item 4): agreement medical institutions ({@link org.shebao.workinjury.Institutions}) submit their monthly
 * work-injury bills line by line ({@link org.shebao.workinjury.MedicalBills}); a reviewer pre-pays a share within the
 * parameter's range and, after the paper review, settles the month ({@link org.shebao.workinjury.MedicalPrepayments},
 * {@link org.shebao.workinjury.MedicalPrepaymentRule}), booked in the work-injury fund.
 *
 * <p>Death (item 3, 第三十九条): a clerk records the death on the recognition with the supported dependents ({@link
 * org.shebao.workinjury.DeathBenefits}); {@link org.shebao.workinjury.DeathBenefitRule} decides the funeral grant, the
 * dependents' pensions (capped at the own wage) and the one-time death grant, paid by the payroll from the work-injury
 * fund. The monthly disability allowance is topped up to the local minimum wage (第三十五条). An institution's
 * repayment of an over-pre-payment is recorded against its settled month (Dr bank / Cr 1241), and the security
 * administrator creates and disables the institutions' HOSPITAL accounts ({@link org.shebao.workinjury.HospitalUsers}).
 *
 * <p>Not built yet: the green channel's extra payroll run; ending a dependent's pension when its condition ends (a
 * child reaching 18) is left to the payroll's certification.
 */
@ApplicationModule(displayName = "Work injury")
package org.shebao.workinjury;

import org.springframework.modulith.ApplicationModule;
