/**
 * Unemployment benefit (失业保险金, issue 13): the claim as a case type on casework (online, the app, or a clerk on the
 * person's behalf) with the separation evidence of the employer's 减员 from the registry (or, when the employer has
 * not filed it, entered by the clerk, who is recorded); eligibility (失业保险条例 第十四条), duration (第十七条) and
 * the province's monthly standard as pure rules over dated parameters; the start month, with FJ-1.6 for applicants
 * who could not apply in time because of the emergency (months since paid as arrears); approval starts a standing
 * order in the payroll, booked to the unemployment fund; stops (第十五条) end it from the next month, a re-employment
 * found in the registry stops it automatically and months paid after it are recovered. The citizen sees the months
 * left, the next payment and the payments made.
 * <p>社会保险法 第四十八条: for every benefit month the fund pays the claimant's basic medical insurance premium
 * ({@code unemployment.medicalPremium.monthly}, per province, illustrative) to the medical insurance agency's account
 * ({@link org.shebao.unemployment.UnemploymentProperties}): a standing order of its own (benefit MEDICAL_PREMIUM)
 * beside the benefit's, for the same months and arrears, booked to account 5102; a stop ends both, and premiums of
 * months after the stop are booked as owed back by the agency.
 *
 * <p>The residents' pension of issue 13 (城乡居民基本养老保险, FJ-1.2 for residents) is the module
 * {@code residentpension}.
 */
@ApplicationModule(displayName = "Unemployment")
package org.shebao.unemployment;

import org.springframework.modulith.ApplicationModule;
