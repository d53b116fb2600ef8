package org.shebao.casework.types;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseTypeHandler;
import org.shebao.casework.Certificates;
import org.shebao.casework.ChecklistItem;
import org.shebao.casework.DocumentKind;
import org.shebao.common.FieldRules;
import org.shebao.common.PlainText;
import org.shebao.common.Violations;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.RightsRecord;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.stereotype.Component;

/**
 * A certificate request (参保缴费证明, N-3c): no paper needed; approval issues the certificate with the agency's
 * electronic seal, verifiable by its code.
 */
@Component
@RequiredArgsConstructor
class CertificateRequestCase implements CaseTypeHandler {
    /** The form: which certificate (one kind so far), and what for. */
    record Form(String certificate, @NotBlank @PlainText(max = 100) String purpose) {
        Form {
            purpose = FieldRules.trim(purpose);
        }
    }

    private final Certificates certificates;
    private final Contributions contributions;
    private final Persons persons;
    private final Validator validator;

    @Override
    public CaseType type() {
        return CaseType.CERTIFICATE_REQUEST;
    }

    @Override
    public List<ChecklistItem> checklist() {
        return List.of();
    }

    @Override
    public Map<String, String> check(ShebaoUser submitter, Person person, Map<String, String> form) {
        Form f = new Form(form.getOrDefault("certificate", "CONTRIBUTION_RECORD"), form.get("purpose"));
        Violations v = Violations.of(validator.validate(f));
        if (!"CONTRIBUTION_RECORD".equals(f.certificate())) {
            v.add("certificate", "error.case.certificateKind", f.certificate());
        }
        v.throwIfAny();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("certificate", f.certificate());
        out.put("purpose", f.purpose());
        return out;
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        Person p = persons.person(approver, c.personId());
        RightsRecord r = contributions.rightsRecord(c.personId());
        certificates.issue(c.id(), c.regionCode(), DocumentKind.CONTRIBUTION_RECORD, p.name(), List.of(
                "姓名：" + p.name(),
                "公民身份号码：" + p.maskedIdNumber(),
                "累计缴费月数：" + r.totalMonths(),
                "个人账户记账额合计（元）：" + r.accountTotal(),
                "用途：" + c.form().get("purpose"),
                "办件编号：" + c.reference()));
    }
}
