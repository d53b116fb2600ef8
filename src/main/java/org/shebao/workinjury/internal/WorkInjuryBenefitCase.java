package org.shebao.workinjury.internal;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseType;
import org.shebao.policy.Implements;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shebao.casework.Case;
import org.shebao.casework.CaseFlag;
import org.shebao.casework.CaseFlags;
import org.shebao.casework.CaseTypeHandler;
import org.shebao.casework.ChecklistItem;
import org.shebao.common.FieldRules;
import org.shebao.common.PlainText;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.registry.Person;
import org.shebao.workinjury.WorkInjuryBenefits;
import org.springframework.stereotype.Component;

/**
 * A work-injury benefit application. A medical or related worker infected at work (N-4, SX-4), and in Fujian an
 * employee infected after being sent to a declared epidemic area (FJ-4), goes through the green channel: flagged,
 * first in every queue, with its own shorter time limit. Approval pays the benefits of the person's recognized injury
 * of that day and its latest appraisal conclusion through the payroll ({@link WorkInjuryBenefits}).
 */
@Implements(measure = "GREEN_CHANNEL", rule = "工伤申领：医护人员因公感染的案件标识绿色通道、优先受理、缩短时限",
        ruleEn = "Work-injury cases of infected medical workers: green-channel flag, first in queue, shorter time limit")
@Implements(measure = "GREEN_CHANNEL_DEPLOYED_EMPLOYEES", rule = "工伤申领：单位指派前往疫区工作而感染的职工参照绿色通道",
        ruleEn = "Work-injury cases of employees sent to an epidemic area: green channel")
@Component
@RequiredArgsConstructor
class WorkInjuryBenefitCase implements CaseTypeHandler {
    /** The form's text; the day of the injury is parsed, and must not lie ahead, by {@link #check}. */
    record Form(String injuryDate, @NotBlank @PlainText(max = 200) String description,
                @NotNull(message = "{error.bankAccount}")
                @Pattern(regexp = "\\d{12,30}", message = "{error.bankAccount}") String bankAccount) {
        Form {
            description = FieldRules.trim(description);
            bankAccount = FieldRules.trim(bankAccount);
        }
    }

    private final Measures measures;
    private final WorkInjuryBenefits benefits;
    private final Clock clock;
    private final Validator validator;

    @Override
    public CaseType type() {
        return CaseType.WORK_INJURY_BENEFIT;
    }

    @Override
    public List<ChecklistItem> checklist() {
        return List.of(new ChecklistItem("INJURY_RECOGNITION", true), new ChecklistItem("MEDICAL_RECORDS", true),
                new ChecklistItem("DEPLOYMENT_PROOF", false));
    }

    @Override
    public Map<String, String> check(ShebaoUser submitter, Person person, Map<String, String> form) {
        Form f = new Form(form.get(WorkInjuryBenefits.INJURY_DATE), form.get("description"),
                form.get(WorkInjuryBenefits.BANK_ACCOUNT));
        Violations v = Violations.of(validator.validate(f));
        LocalDate injured = v.date(f.injuryDate(), "injuryDate", true);
        LocalDate today = LocalDate.now(clock);
        if (injured != null && injured.isAfter(today)) {
            v.add("injuryDate", "error.date.future", today);
        }
        v.throwIfAny();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("injuryDate", injured.toString());
        out.put("description", f.description());
        out.put(WorkInjuryBenefits.BANK_ACCOUNT, f.bankAccount());
        for (String flag : List.of("medicalWorker", "infectedAtWork", "sentToEpidemicArea")) {
            out.put(flag, String.valueOf(Boolean.parseBoolean(form.getOrDefault(flag, "false").strip())));
        }
        return out;
    }

    @Override
    public List<CaseFlag> flags(Map<String, String> form, RegionCode region, LocalDate on) {
        if (!Boolean.parseBoolean(form.get("infectedAtWork"))) {
            return List.of();
        }
        Set<String> clauses = new LinkedHashSet<>();
        if (Boolean.parseBoolean(form.get("medicalWorker"))) {
            MeasureStatus s = measures.status(CaseFlags.GREEN_CHANNEL, region, on);
            if (s.inForce()) {
                clauses.addAll(s.clauses());
            }
        }
        if (Boolean.parseBoolean(form.get("sentToEpidemicArea"))) {
            MeasureStatus s = measures.status("GREEN_CHANNEL_DEPLOYED_EMPLOYEES", region, on);
            if (s.inForce()) {
                clauses.addAll(measures.status(CaseFlags.GREEN_CHANNEL, region, on).clauses());
                clauses.addAll(s.clauses());
            }
        }
        return clauses.isEmpty() ? List.of() : List.of(new CaseFlag(CaseFlags.GREEN_CHANNEL, new ArrayList<>(clauses)));
    }

    @Override
    public String detailsPath(Case c) {
        return "/workinjury/benefits/" + c.id();
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        benefits.award(approver, c);
    }

    @Override
    public boolean benefit() {
        return true;
    }
}
