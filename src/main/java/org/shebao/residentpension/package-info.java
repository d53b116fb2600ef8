/**
 * The residents' pension (城乡居民基本养老保险, issue 13 item 2; 国发〔2014〕8号): the claim as a case type on casework
 * (online, the app, or a clerk on the person's behalf, e.g. by phone under FJ-3's commitment rule); the residents'
 * yearly contributions and government subsidies that make the personal account, recorded by a clerk and booked to
 * the residents' pension fund; eligibility (benefit age 60, 15 contribution years and the transitional cases) and the
 * monthly amount (central minimum basic pension + the province's top-up + personal account ÷ 139) as a pure rule over
 * dated parameters; FJ-1.2's entitlement from the month after the 60th birthday with the months since paid as
 * arrears (the pension module's {@link org.shebao.pension.Entitlements}); approval starts a standing order of the
 * payroll (benefit RESIDENT_PENSION), booked to the residents' fund, certified and suspended (or not, N-1c, FJ-1.1)
 * as every standing order is. The citizen sees the status, the monthly amount with its parts and sources, and the
 * next payment.
 *
 * <p>Not built: interest on the personal account (the yearly rate of the national notices), the yearly raise of a
 * pension in payment when the central minimum rises, the 15-year back-payment (补缴) itself as a payment, and the
 * residents' contributions collected through the bank or the tax bureau (recorded by a clerk here).
 */
@ApplicationModule(displayName = "Residents' pension")
package org.shebao.residentpension;

import org.springframework.modulith.ApplicationModule;
