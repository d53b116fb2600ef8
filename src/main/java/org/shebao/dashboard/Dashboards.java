package org.shebao.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseStatus;
import org.shebao.hall.HallDashboard;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergency;
import org.springframework.stereotype.Service;

/**
 * The counts of each staff role's home page. Each count is read through the query of the list it links to (the work
 * queue's totals, the payroll list, the hall manager's board and hygiene ledger, the incident list, the emergencies and
 * deadlines of the policy page), so a count and its list cannot disagree.
 */
@Service
@RequiredArgsConstructor
public class Dashboards {
    private final CaseQueries cases;
    private final Payroll payroll;
    private final HallDashboard halls;
    private final Emergencies emergencies;
    private final Deadlines deadlines;
    private final Clock clock;

    /** The month's payroll runs of the finance user's region and below. */
    public List<PayrollRun> monthRuns(ShebaoUser user) {
        return user.has(Role.FINANCE) ? payroll.thisMonth(user) : List.of();
    }

    /** The user's counts, by role; none for a portal user or a role without a list of its own. */
    public List<Tile> tiles(ShebaoUser user) {
        List<Tile> tiles = new ArrayList<>();
        if (!user.isStaff()) {
            return tiles;
        }
        if (user.has(Role.CLERK)) {
            CaseQueries.QueuePage open = cases.queue(user, CaseQueries.QueueFilter.open());
            tiles.add(new Tile("queue", "dashboard.tile.queue", List.of(), open.total(), "/casework/queue", false));
            tiles.add(overdueCases(user));
        }
        if (user.has(Role.REVIEWER)) {
            CaseQueries.QueuePage waiting = cases.queue(user, new CaseQueries.QueueFilter(CaseStatus.PRE_REVIEWED, null,
                    null, false, false, null, CaseQueries.QueueSort.PRIORITY, false, 0));
            tiles.add(new Tile("decisions", "dashboard.tile.decisions", List.of(), waiting.total(),
                    "/casework/queue?status=PRE_REVIEWED", false));
            tiles.add(overdueCases(user));
        }
        if (user.has(Role.AUDITOR)) {
            tiles.add(overdueCases(user));
        }
        if (user.has(Role.FINANCE)) {
            tiles.add(new Tile("runs", "dashboard.tile.runs", List.of(YearMonth.now(clock).toString()),
                    monthRuns(user).size(), "/payroll?thisMonth=true", false));
            tiles.add(new Tile("awaiting", "dashboard.tile.awaiting", List.of(), payroll.awaitingApproval(user).size(),
                    "/payroll?awaiting=true", true));
        }
        if (user.has(Role.HALL_MANAGER)) {
            for (HallDashboard.HallToday h : halls.managedToday(user)) {
                String board = "/hall/" + h.hallId();
                String name = h.displayName(org.springframework.context.i18n.LocaleContextHolder.getLocale());
                tiles.add(new Tile("bookings-" + h.hallId(), "dashboard.tile.bookings", List.of(name), h.bookings(), board, false));
                tiles.add(new Tile("checkins-" + h.hallId(), "dashboard.tile.checkins", List.of(name), h.checkedIn(), board, false));
                tiles.add(new Tile("fevers-" + h.hallId(), "dashboard.tile.fevers", List.of(name), h.fevers(), board, true));
                tiles.add(new Tile("checks-" + h.hallId(), "dashboard.tile.overdueChecks", List.of(name), h.overdueChecks(),
                        board + "/ledger", true));
            }
        }
        if (user.has(Role.HALL_MANAGER, Role.ADMIN)) {
            tiles.add(new Tile("incidents", "dashboard.tile.overdueIncidents", List.of(), halls.overdueIncidents(user),
                    "/incidents", true));
        }
        if (user.has(Role.ADMIN)) {
            LocalDate today = LocalDate.now(clock);
            List<Emergency> inForce = emergencies.visibleTo(user.region()).stream().filter(e -> e.liftedOn() == null)
                    .toList();
            tiles.add(new Tile("emergencies", "dashboard.tile.emergencies", List.of(), inForce.size(), "/admin/policy", false));
            long pending = inForce.stream().flatMap(e -> deadlines.forEmergency(e).stream())
                    .filter(d -> d.status(today) == Deadline.Status.PENDING).count();
            tiles.add(new Tile("deadlines", "dashboard.tile.pendingDeadlines", List.of(), pending, "/admin/policy", false));
        }
        return tiles;
    }

    private Tile overdueCases(ShebaoUser user) {
        CaseQueries.QueuePage overdue = cases.queue(user, new CaseQueries.QueueFilter(null, null, null, true, false,
                null, CaseQueries.QueueSort.PRIORITY, false, 0));
        return new Tile("overdue", "dashboard.tile.overdue", List.of(), overdue.total(), "/casework/queue?overdue=true", true);
    }

    /** Whether the user sees the managers' charts: a hall manager, a reviewer (section head) or an administrator. */
    public static boolean seesCharts(ShebaoUser user) {
        return user.isStaff() && user.has(Role.HALL_MANAGER, Role.REVIEWER, Role.ADMIN);
    }
}
