/**
 * Dashboards (issue 14 item 8): each staff role's home page shows its own work with counts, each a link to the list
 * it counts and read through that list's own query (a clerk: the queue and its overdue cases; a reviewer: the cases
 * waiting for a decision; finance: the month's payroll runs and those awaiting approval; a hall manager: today's
 * bookings, check-ins, fevers and overdue hygiene checks; an administrator: emergencies in force and pending
 * deadlines; an auditor: overdue cases), and the managers (hall manager, reviewer, administrator) see three charts,
 * drawn by ECharts from a JSON endpoint per chart scoped to their region, each with a plain table under it: cases
 * received per day by channel (30 days), the open queue by age, today's bookings against capacity per slot.
 */
@ApplicationModule(displayName = "Dashboards")
package org.shebao.dashboard;

import org.springframework.modulith.ApplicationModule;
