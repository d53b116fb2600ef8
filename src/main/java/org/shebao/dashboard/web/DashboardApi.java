package org.shebao.dashboard.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.dashboard.Chart;
import org.shebao.dashboard.Charts;
import org.shebao.dashboard.Dashboards;
import org.shebao.dashboard.Tile;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The home page's counts and the managers' charts as JSON (issue 14 item 8). A chart's endpoint answers on the API
 * ({@code /api/v1/dashboard/charts/{name}}, token or Basic) and for the signed-in page that draws it
 * ({@code /dashboard/charts/{name}}, the session); a user who is not a manager (a citizen, a clerk) gets 403.
 */
@RestController
@RequiredArgsConstructor
class DashboardApi {
    private final Dashboards dashboards;
    private final Charts charts;

    @GetMapping("/api/v1/dashboard")
    @Operation(summary = "工作台：本角色的待办计数及其清单链接（受理：待办、逾期；审核：待决定；财务：本月发放批次、待复核；大厅：今日预约、签到、发热、逾期检查；管理员：应急状态、待定时限）")
    List<Tile> tiles(@AuthenticationPrincipal ShebaoUser user) {
        return dashboards.tiles(user);
    }

    @GetMapping({"/api/v1/dashboard/charts/{name}", "/dashboard/charts/{name}"})
    @Operation(summary = "管理人员图表数据（cases-by-channel 近30日各渠道收件、queue-age 待办件龄、hall-slots 今日各时段预约与容量），限本辖区；非管理人员 403")
    Chart chart(@AuthenticationPrincipal ShebaoUser user, @PathVariable String name) {
        return charts.chart(user, name, LocaleContextHolder.getLocale());
    }
}
