package org.shebao.dashboard.web;

import lombok.RequiredArgsConstructor;
import org.shebao.dashboard.Charts;
import org.shebao.dashboard.Dashboards;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page: the role's own work with counts (each a link to its list), the managers' charts, the tiles. */
@Controller
@RequiredArgsConstructor
class HomePages {
    private final Dashboards dashboards;
    private final Charts charts;

    @GetMapping("/")
    String home(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("counts", dashboards.tiles(user));
        model.addAttribute("monthRuns", dashboards.monthRuns(user));
        model.addAttribute("charts", charts.all(user, LocaleContextHolder.getLocale()));
        return "home";
    }
}
