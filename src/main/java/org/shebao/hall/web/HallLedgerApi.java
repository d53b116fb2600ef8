package org.shebao.hall.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.hall.internal.HygieneLedger;
import org.shebao.hall.internal.StaffHealth;
import org.shebao.hall.internal.Supplies;
import org.shebao.identity.ShebaoUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hall's ledgers over the API, for the mobile app (issue 14, items 3 and 4): a staff member reports their own
 * health of the day; a hall manager keeps the hygiene checks, the protective supplies and the staff health ledger.
 * Bad input is 400 naming the field, nothing written; a check or a report already recorded is 409.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class HallLedgerApi {
    private final HygieneLedger hygiene;
    private final Supplies supplies;
    private final StaffHealth health;

    record HealthRequest(String staff, String temperature, List<String> symptoms, Boolean absent, String note) {
        boolean isAbsent() {
            return Boolean.TRUE.equals(absent);
        }
    }

    record CheckRequest(String check, String dueAt, String note) {
    }

    record SupplyRequest(String direction, String item, String quantity, String party, String note) {
    }

    @GetMapping("/me/health-reports")
    @Operation(summary = "本人的每日健康报告（最近31天）")
    List<StaffHealth.Report> myHealth(@AuthenticationPrincipal ShebaoUser user) {
        return health.mine(user);
    }

    @GetMapping("/halls/{id}/staff-health")
    @Operation(summary = "大厅主管：工作人员健康台账（今日报告、标记、本月因病缺勤天数）")
    StaffHealth.Ledger staffHealth(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return health.ledger(user, id);
    }

    @GetMapping("/halls/{id}/hygiene-checks")
    @Operation(summary = "大厅今日消毒通风检查（应完成时间、完成人和时间、逾期）")
    List<HygieneLedger.CheckLine> checks(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return hygiene.today(user, id);
    }

    @GetMapping("/halls/{id}/supplies")
    @Operation(summary = "大厅防护用品库存与最低库存提示")
    List<Supplies.StockLine> stock(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return supplies.stock(user, id);
    }

    @PostMapping("/me/health-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "工作人员报告本人今日体温和症状（SX-5）：发热或有症状即标记并通知大厅主管")
    StaffHealth.Report reportHealth(@AuthenticationPrincipal ShebaoUser user, @RequestBody HealthRequest body) {
        return health.selfReport(user, body.temperature(), body.symptoms(), body.isAbsent(), body.note());
    }

    @PostMapping("/halls/{id}/staff-health")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "大厅主管代录工作人员今日体温和症状（SX-5）")
    StaffHealth.Report enterHealth(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                   @RequestBody HealthRequest body) {
        return health.enter(user, id, body.staff(), body.temperature(), body.symptoms(), body.isAbsent(), body.note());
    }

    @PostMapping("/halls/{id}/hygiene-checks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录一项今日检查已完成（N-2、FJ-2）")
    HygieneLedger.CheckLine record(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                   @RequestBody CheckRequest body) {
        return hygiene.record(user, id, body.check(), body.dueAt(), body.note());
    }

    @PostMapping("/halls/{id}/supplies/movements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "防护用品入库（direction RECEIPT）或领用（ISSUE）：领用超过库存则 400（quantity），不写入")
    Supplies.StockLine move(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                            @RequestBody SupplyRequest body) {
        return supplies.move(user, id, body.direction(), body.item(), body.quantity(), body.party(), body.note());
    }
}
