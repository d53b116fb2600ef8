package org.shebao.casework.types;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseTypeHandler;
import org.shebao.casework.ChecklistItem;
import org.shebao.common.FieldRules;
import org.shebao.common.PlainText;
import org.shebao.common.Violations;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;
import org.springframework.stereotype.Component;

/**
 * An employer's application to defer its contributions (缓缴, 人社部发〔2020〕11号 第三条): online by the employer's own
 * user, or registered by a clerk on its behalf; the months from {@code fromMonth}, at most the maximum of the
 * parameters, with the reason. A reviewer approves it through the workflow; approval records the deferral in the
 * contribution module, which tracks its back-payment deadline.
 */
@Component
@RequiredArgsConstructor
class EmployerDeferralCase implements CaseTypeHandler {
    /** The form's free text; the months are the contribution module's to check. */
    record Form(@NotBlank @PlainText(max = 500) String reason) {
        Form {
            reason = FieldRules.trim(reason);
        }
    }

    private final EmployerDeferrals deferrals;
    private final Validator validator;

    @Override
    public CaseType type() {
        return CaseType.EMPLOYER_DEFERRAL;
    }

    @Override
    public List<ChecklistItem> checklist() {
        return List.of(new ChecklistItem("FINANCIAL_STATEMENT", false));
    }

    @Override
    public boolean employerCase() {
        return true;
    }

    @Override
    public Map<String, String> check(ShebaoUser submitter, Person person, Map<String, String> form) {
        throw new UnsupportedOperationException("an employer's application is checked by checkEmployer");
    }

    @Override
    public Map<String, String> checkEmployer(ShebaoUser submitter, long employerId, Map<String, String> form) {
        Form f = new Form(form.get("reason"));
        Violations v = Violations.of(validator.validate(f));
        java.util.Map<String, String> in = new java.util.HashMap<>(form);
        in.put("reason", f.reason());
        return deferrals.check(submitter, employerId, in, v);
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        deferrals.approve(approver, c.employerId(), c.form(), c.reference());
    }
}
