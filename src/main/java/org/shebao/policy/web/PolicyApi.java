package org.shebao.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergency;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only policy for the mobile app and other systems: the emergencies covering a region with their deadlines
 * (pending or a date), the measures in force on a day with their clauses, and a parameter's value with its source.
 */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(name = "policy", description = "应急状态、期限、政策措施与参数")
@RequiredArgsConstructor
class PolicyApi {
    record DeadlineJson(String rule, String name, List<String> clauses, String status, LocalDate dueOn,
                        LocalDate movedFrom) {
    }

    record EmergencyJson(long id, String region, String name, LocalDate declaredOn, LocalDate level1EndedOn,
                         LocalDate liftedOn, List<DeadlineJson> deadlines) {
    }

    /** {@code implemented} false: the platform does not carry the measure out yet ({@code waitsFor}: the issue). */
    record MeasureJson(String code, String name, boolean inForce, boolean implemented, Integer waitsFor,
                       List<String> rules, List<String> clauses, LocalDate until, boolean untilPending, String reason) {
    }

    record ParameterJson(String key, String name, String type, Object value, String unit, String definedBy,
                         LocalDate from, LocalDate to, String source, boolean illustrative) {
    }

    private final Emergencies emergencies;
    private final Deadlines deadlines;
    private final Measures measures;
    private final Parameters parameters;
    private final Jurisdictions jurisdictions;

    @GetMapping("/emergencies")
    @Operation(summary = "覆盖某地区的应急状态及其期限（待定或确定日期）")
    List<EmergencyJson> emergencies(@RequestParam String region) {
        RegionCode r = jurisdictions.requireServed(region, "region").code();
        LocalDate today = deadlines.today();
        return emergencies.all().stream().filter(e -> e.covers(r)).map(e -> json(e, today)).toList();
    }

    @GetMapping("/measures")
    @Operation(summary = "某地区某日在施的政策措施及依据条款")
    List<MeasureJson> measures(@RequestParam String region, @RequestParam(required = false) String on) {
        RegionCode r = jurisdictions.requireServed(region, "region").code();
        LocalDate day = day(on);
        return measures.all(r, day).stream().map(this::json).toList();
    }

    @GetMapping("/parameters/{key}")
    @Operation(summary = "参数在某地区某日的取值及依据")
    ParameterJson parameter(@PathVariable String key, @RequestParam String region,
                            @RequestParam(required = false) String on) {
        RegionCode r = jurisdictions.requireServed(region, "region").code();
        LocalDate day = day(on);
        if (parameters.definition(key).isEmpty()) {
            throw new NotFoundException("parameter " + key);
        }
        ParameterValue v = parameters.find(key, r, day)
                .orElseThrow(() -> new NotFoundException("parameter " + key + " for " + r + " on " + day));
        Object value = v.value() instanceof BigDecimal || v.value() instanceof Integer || v.value() instanceof LocalDate
                ? v.value() : v.display();
        return new ParameterJson(key, v.definition().name(), v.definition().type().name(), value,
                v.definition().unit(), v.region().value(), v.from(), v.to(), v.source(), v.illustrative());
    }

    private LocalDate day(String on) {
        Violations v = new Violations();
        LocalDate d = v.date(on, "on", false);
        v.throwIfAny();
        return d == null ? deadlines.today() : d;
    }

    private EmergencyJson json(Emergency e, LocalDate today) {
        List<DeadlineJson> ds = deadlines.forEmergency(e).stream().map(d -> json(d, today)).toList();
        return new EmergencyJson(e.id(), e.region().value(), e.name(), e.declaredOn(), e.level1EndedOn(),
                e.liftedOn(), ds);
    }

    private static DeadlineJson json(Deadline d, LocalDate today) {
        return new DeadlineJson(d.rule().code(), d.rule().name(), d.rule().clauses(), d.status(today).name(),
                d.dueOn(), d.movedFrom());
    }

    private MeasureJson json(MeasureStatus s) {
        return new MeasureJson(s.code(), s.measure().name(), s.inForce(), s.measure().implemented(),
                s.measure().waitsFor(), measures.rules(s.code()).stream().map(Measures.Rule::name).toList(),
                s.clauses(), s.until(), s.untilPending(), s.reason());
    }
}
