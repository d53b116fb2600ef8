/**
 * Service halls (经办大厅), issue 14, first slice: appointments with a capacity per time slot (SX-5 people-flow
 * control) and screening at the door (N-2, FJ-2), carrying out the catalog measure {@code HALL_CONTROLS}.
 * <ul>
 *   <li>Halls: one per city served (V10_1), opening hours, slot length and capacity per hall as dated parameters with
 *       their source ({@code policy/parameters/hall.yml}); open on working days of the holiday calendar.</li>
 *   <li>Appointments ({@code internal.Appointments}, rule {@code internal.SlotRule}): an insured person or an employer
 *       books a slot of a hall of their city for a service (a case type) in the portal or the API, gets a booking
 *       code (QR code on the printable confirmation, ZXing), may cancel a future booking; one future booking per
 *       holder and service; past slots, rest days and times that are not a slot's start are refused; a full slot is
 *       refused with the nearest free slots. A place is taken by a conditional UPDATE of the slot's counter in the
 *       booking's transaction (CHECK taken &lt;= capacity), so parallel bookings never overfill a slot. A hall manager
 *       lowers a day's capacity, never below the places taken.</li>
 *   <li>At the door ({@code internal.Screenings}, rule {@code internal.ScreeningRule}): check-in by booking code or
 *       a walk-in (who takes a place of the current slot); the temperature is recorded, an implausible one refused;
 *       at or above the fever threshold ({@code hall.fever.threshold}, 37.3 °C) the visitor is not admitted and an
 *       incident is opened with the health authority's contact of the city ({@code hall.healthAuthority.contact}).</li>
 *   <li>The hall manager's page ({@code /hall}): today's slots against capacity with the visitors' names, check-ins,
 *       fevers, open incidents, and the ledgers' counts (overdue checks, low supplies, flagged staff).</li>
 *   <li>The ledgers (items 3 and 4): the hygiene ledger ({@code internal.HygieneLedger}, rule
 *       {@code internal.HygieneRule}: daily checks due by dated times, done with who and when, overdue once late),
 *       protective supplies ({@code internal.Supplies}, rule {@code internal.SupplyRule}: the stock held by the database,
 *       never negative, a warning below the minimum), the staff health ledger ({@code internal.StaffHealth}, rule
 *       {@code internal.StaffHealthRule}: SX-5, a fever or symptoms flags the person; the event
 *       {@link org.shebao.hall.StaffHealthFlagged} tells the hall managers in-app through the notification module),
 *       carrying out the catalog's {@code HALL_HYGIENE_LEDGER} and {@code STAFF_HEALTH_LEDGER}.</li>
 *   <li>Duty and incidents (item 5, N-7 and FJ-7, the catalog's {@code HALL_DUTY_AND_ESCALATION}): the roster of leaders
 *       on duty ({@code internal.DutyRoster}: a hall manager chooses a staff user of the city for a day; the leader on
 *       duty logs patrols with time, place and findings, only for a day on duty — the patrol's foreign key names the
 *       duty) and incidents reported upward ({@code internal.Incidents}, rule {@code internal.EscalationRule}): a
 *       suspected case (opened by a fever at the door), crowding or a complaint is held by the city, the province or
 *       the ministry in turn; each acknowledges within its time limit ({@code hall.incident.acknowledge.*.minutes},
 *       illustrative) or the report shows overdue; a suspected case goes up to the province (FJ-7: 报省厅), the
 *       others stay with the city unless a level chooses to report further; the first acknowledgement wins; every
 *       change is in the incident's history with who and when; a province sees every incident of its cities. The
 *       level a report reaches, or whose time limit passes, is told in-app ({@link org.shebao.hall.IncidentAwaits}: the
 *       city's hall managers and leaders on duty, the province's or the ministry's administrators); the limits are
 *       checked by {@code internal.IncidentTimeLimits} every {@code shebao.hall.incident-check-every}, one node at a time
 *       (ShedLock), each level told once. The level holding a report or one above closes it with its resolution
 *       (required; once: a second close is a conflict); closed, it leaves the open and overdue lists.</li>
 *   <li>The home pages' figures ({@link org.shebao.hall.HallDashboard}, issue 14 item 8): a hall manager's bookings,
 *       check-ins, fevers and overdue checks read from the same board and ledger as the hall's pages, overdue incidents
 *       from the incident list, and today's places per slot for the managers' chart.</li>
 * </ul>
 * Not built yet: employer contacts chosen from staff (item 6; the registry keeps a typed agency contact today),
 * notices, audiences and public guides (item 7), and the journey of a notice (item 9).
 */
@ApplicationModule(displayName = "Service hall")
package org.shebao.hall;

import org.springframework.modulith.ApplicationModule;
