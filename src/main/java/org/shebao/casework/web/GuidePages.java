package org.shebao.casework.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseTypeHandler;
import org.shebao.casework.Channel;
import org.shebao.casework.ChecklistItem;
import org.shebao.common.RegionCode;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 办事指南 (N-6; issue 17 item 3: the guide before the form), public, no login: for every case type and a city, what
 * is generated from the platform's own data on the day it is read: who applies, the checklist (and the commitment
 * letter where the commitment rule is in force, SX-3 / FJ-3), the time limit (the type's parameter, with its source),
 * the channels, and the emergency measures in force for that business. When a measure ends, the guide says so.
 */
@Controller
@RequiredArgsConstructor
class GuidePages {
    /** The measures that change how each business is handled (shown only while in force in the city). */
    static final Map<CaseType, List<String>> MEASURES = Map.of(
            CaseType.RETIREMENT, List.of("ONLINE_FIRST", "ONLINE_BENEFIT_APPLICATION", "COMMITMENT_RULE",
                    "PENSION_PREPAYMENT"),
            CaseType.ENROLLMENT, List.of("ONLINE_FIRST", "COMMITMENT_RULE", "LATE_EMPLOYER_ENROLLMENT",
                    "BACKDATED_ENROLLMENT"),
            CaseType.CERTIFICATE_REQUEST, List.of("ONLINE_FIRST", "ELECTRONIC_SEAL_AND_ARCHIVE"),
            CaseType.WORK_INJURY_BENEFIT, List.of("ONLINE_FIRST", "ONLINE_BENEFIT_APPLICATION", "COMMITMENT_RULE",
                    "GREEN_CHANNEL", "GREEN_CHANNEL_DEPLOYED_EMPLOYEES", "WORK_INJURY_DURING_DEFERRAL"),
            CaseType.EMPLOYER_DEFERRAL, List.of("ONLINE_FIRST", "CONTRIBUTION_DEFERRAL_2020"),
            CaseType.UNEMPLOYMENT_BENEFIT, List.of("ONLINE_FIRST", "ONLINE_BENEFIT_APPLICATION", "COMMITMENT_RULE",
                    "LATE_UNEMPLOYMENT_APPLICATION"),
            CaseType.RESIDENT_PENSION, List.of("ONLINE_FIRST", "ONLINE_BENEFIT_APPLICATION", "COMMITMENT_RULE",
                    "ARREARS_AFTER_LATE_DECLARATION", "NO_SUSPENSION_FOR_MISSED_CERTIFICATION"));
    private static final RegionCode DEFAULT_CITY = new RegionCode("350100");

    private final CaseQueries queries;
    private final Measures measures;
    private final Parameters parameters;
    private final Jurisdictions jurisdictions;
    private final Deadlines deadlines;

    /** One case type's guide for a city on a day. */
    record Guide(CaseType type, boolean employerCase, List<ChecklistItem> checklist, MeasureStatus commitmentRule,
                 int timeLimitDays, ParameterValue timeLimit, List<Channel> onlineChannels,
                 List<Channel> assistedChannels, List<MeasureStatus> inForce, LocalDate on) {
    }

    @GetMapping("/public/guide")
    String index(@RequestParam(required = false) String region, Model model) {
        RegionCode city = city(region, model);
        model.addAttribute("types", queries.types());
        model.addAttribute("region", city.value());
        return "casework/guides";
    }

    @GetMapping("/public/guide/{type}")
    String guide(@PathVariable String type, @RequestParam(required = false) String region, Model model) {
        CaseTypeHandler handler = queries.handlerOfPage(type);
        RegionCode city = city(region, model);
        model.addAttribute("g", guide(handler, city, deadlines.today()));
        model.addAttribute("region", city.value());
        return "casework/guide";
    }

    Guide guide(CaseTypeHandler handler, RegionCode city, LocalDate today) {
        ParameterValue limit = parameters.require(handler.timeLimitParameter(), city, today);
        List<MeasureStatus> inForce = MEASURES.getOrDefault(handler.type(), List.of()).stream()
                .map(code -> measures.status(code, city, today)).filter(MeasureStatus::inForce).toList();
        return new Guide(handler.type(), handler.employerCase(), handler.checklist(),
                measures.status("COMMITMENT_RULE", city, today),
                parameters.integer(handler.timeLimitParameter(), city, today), limit,
                List.of(Channel.WEB, Channel.MOBILE_API),
                Arrays.stream(Channel.values()).filter(Channel::assisted).toList(), inForce, today);
    }

    /** The city asked for (one the platform serves), else Fuzhou; the cities are offered to choose from. */
    private RegionCode city(String raw, Model model) {
        List<Jurisdiction> cities = jurisdictions.servedWithin(RegionCode.NATIONAL);
        model.addAttribute("cities", cities);
        return cities.stream().map(Jurisdiction::code).filter(c -> c.value().equals(raw)).findFirst()
                .orElse(DEFAULT_CITY);
    }
}
