package org.shebao.hall.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.hall.internal.DutyRoster;
import org.shebao.hall.internal.Incidents;
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
 * Duty and incidents over the API (issue 14, item 5; N-7, FJ-7): the roster of leaders on duty, patrol logs, incident
 * reports and their acknowledgement level by level. Bad input is 400 naming the field, nothing written; an
 * acknowledgement someone else made first is 409.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class HallDutyApi {
    private final DutyRoster roster;
    private final Incidents incidents;

    record DutyRequest(String day, String leader) {
    }

    record PatrolRequest(String day, String time, String place, String findings) {
    }

    record IncidentRequest(String kind, String description) {
    }

    record AcknowledgeRequest(Boolean reportFurther, String note) {
    }

    record CloseRequest(String resolution) {
    }

    @GetMapping("/halls/{id}/duty")
    @Operation(summary = "大厅带班领导排班（近7日及今后14日）及巡查记录（N-7、FJ-7）")
    List<DutyRoster.Day> roster(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return roster.roster(user, id);
    }

    @PostMapping("/halls/{id}/duty")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "大厅主管排定某日带班领导（本市工作人员用户名）：非本市工作人员 400（leader），不写入")
    DutyRoster.Duty assign(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                           @RequestBody DutyRequest body) {
        return roster.assign(user, id, body.day(), body.leader());
    }

    @GetMapping("/me/duty")
    @Operation(summary = "本人的带班日及巡查记录")
    List<DutyRoster.Day> myDuty(@AuthenticationPrincipal ShebaoUser user) {
        return roster.mine(user);
    }

    @PostMapping("/me/patrols")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "带班领导记录一次巡查（日期、时间、地点、发现的问题）：当日未带班 400（day），不写入")
    DutyRoster.Patrol patrol(@AuthenticationPrincipal ShebaoUser user, @RequestBody PatrolRequest body) {
        return roster.logPatrol(user, body.day(), body.time(), body.place(), body.findings());
    }

    @GetMapping("/incidents")
    @Operation(summary = "本辖区的事件报告（省级：所辖各市全部未结事件），含当前确认层级、确认时限和是否逾期")
    List<Incidents.Incident> incidents(@AuthenticationPrincipal ShebaoUser user) {
        return incidents.list(user);
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "事件报告及其处理经过（谁、何时、哪一级确认或上报）")
    Incidents.Detail incident(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return incidents.detail(user, id);
    }

    @PostMapping("/halls/{id}/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "大厅主管或当日带班领导报告事件（kind SUSPECTED_CASE、CROWDING、COMPLAINT）")
    Incidents.Incident open(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                            @RequestBody IncidentRequest body) {
        return incidents.open(user, id, body.kind(), body.description());
    }

    @PostMapping("/incidents/{id}/acknowledgements")
    @Operation(summary = "当前层级确认事件：按规则上报上一级（疑似病例报省厅），或自行选择继续上报；非当前层级 400（level），他人已先确认 409")
    Incidents.Detail acknowledge(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                 @RequestBody AcknowledgeRequest body) {
        return incidents.acknowledge(user, id, Boolean.TRUE.equals(body.reportFurther()), body.note());
    }

    @PostMapping("/incidents/{id}/closure")
    @Operation(summary = "结案：当前层级或其上级填写处理结果（必填）后结案，结案后不再计入未结和逾期；已结案再结 409，不写入")
    Incidents.Detail close(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                           @RequestBody CloseRequest body) {
        return incidents.close(user, id, body.resolution());
    }
}
