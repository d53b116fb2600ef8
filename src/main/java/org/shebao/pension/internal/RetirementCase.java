package org.shebao.pension.internal;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseTypeHandler;
import org.shebao.casework.ChecklistItem;
import org.shebao.common.FieldRules;
import org.shebao.common.Money;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.Awards;
import org.shebao.registry.Person;
import org.springframework.stereotype.Component;
import org.shebao.common.RegionCode;
import org.shebao.policy.ParameterValues;
import org.shebao.policy.Parameters;

/**
 * A retirement application (退休申报) for the enterprise or the public-institution scheme. It may come in late: the
 * entitlement then follows FJ-1.2 / N-1d / SX-1a. While materials are missing the reviewer can put it on
 * pre-payment (N-1b, FJ-1.3); approval computes the pension and settles.
 */
@Component
@RequiredArgsConstructor
class RetirementCase implements CaseTypeHandler {
    /**
     * The form's fields with their rules as annotations; the approved amount (a parameter's range) and the date of
     * retirement (the person's age) are checked by {@link #check}.
     */
    record Form(@Pattern(regexp = "ENTERPRISE|INSTITUTION", message = "{error.choice}") String scheme,
                @Pattern(regexp = "CADRE|WORKER", message = "{error.choice}") String post,
                @NotNull(message = "{error.bankAccount}")
                @Pattern(regexp = "\\d{12,30}", message = "{error.bankAccount}") String bankAccount,
                String approvedAmount) {
        Form {
            bankAccount = FieldRules.trim(bankAccount);
        }

        static Form of(Map<String, String> form) {
            return new Form(form.getOrDefault("scheme", "ENTERPRISE").strip(),
                    form.getOrDefault("post", "CADRE").strip(), form.get("bankAccount"), form.get("approvedAmount"));
        }
    }

    private final Awards awards;
    private final Clock clock;
    private final Parameters parameters;
    private final Validator validator;

    @Override
    public CaseType type() {
        return CaseType.RETIREMENT;
    }

    @Override
    public boolean benefit() {
        return true;
    }

    @Override
    public List<ChecklistItem> checklist() {
        return List.of(new ChecklistItem("ID_CARD", true), new ChecklistItem("RETIREMENT_APPROVAL", true),
                new ChecklistItem("PERSONNEL_FILE", true));
    }

    @Override
    public Map<String, String> check(ShebaoUser submitter, Person person, Map<String, String> form) {
        Form f = Form.of(form);
        Violations v = Violations.of(validator.validate(f));
        String scheme = f.scheme();
        String post = f.post();
        String bank = f.bankAccount();
        String approved = f.approvedAmount();
        if ("INSTITUTION".equals(scheme)) {
            try {
                BigDecimal a = new BigDecimal(approved == null ? "" : approved.strip());
                ParameterValues.Range range = parameters.range("pension.prepayment.allowedRange",
                        new RegionCode(person.regionCode()), LocalDate.now(clock));
                if (a.scale() > 2) {
                    v.add("approvedAmount", "error.format");
                } else if (!range.contains(a)) {
                    // bounded here, so that approval never meets an amount the payroll cannot hold
                    v.add("approvedAmount", "error.prepayment.range", range.min().toPlainString(),
                            range.max().toPlainString());
                }
            } catch (NumberFormatException e) {
                v.add("approvedAmount", "error.required");
            }
        }
        LocalDate reached = awards.retirement(person, post).reachedOn();
        LocalDate today = LocalDate.now(clock);
        int ahead = parameters.integer("pension.retirement.earliestDeclarationMonths",
                new RegionCode(person.regionCode()), today);
        if (reached.isAfter(today.plusMonths(ahead))) {
            v.add("scheme", "error.retirement.tooEarly", reached, ahead);
        }
        v.throwIfAny();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("scheme", scheme);
        out.put("post", post);
        out.put("bankAccount", bank);
        out.put("retirementDate", reached.toString());
        if ("INSTITUTION".equals(scheme)) {
            out.put("approvedAmount", Money.exact(new BigDecimal(approved.strip())).toString());
        }
        return out;
    }

    @Override
    public String detailsPath(Case c) {
        return "/pension/awards/" + c.id();
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        awards.onApproved(approver, c);
    }
}
