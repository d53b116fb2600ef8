package org.shebao.workinjury;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.workinjury.MedicalPrepaymentRule.Settlement;
import org.shebao.workinjury.internal.MedicalStatementStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency's side of an agreement institution's month (SX-1b): a reviewer of the institution's region pre-pays a
 * share of the declared amount within the parameter's range, booked to the work-injury fund (预付工伤医疗费用 / bank);
 * after the paper documents arrive the central review records the approved amount and settles: the approved amount
 * becomes the medical expense, the top-up is paid from the bank or the over-pre-payment becomes a receivable from the
 * institution. Each step is one transaction with its history, audit entry and ledger voucher; each moves the statement
 * from one state only, so two reviewers at once book it once.
 */
@Service
@RequiredArgsConstructor
public class MedicalPrepayments {
    private final MedicalStatementStore store;
    private final Measures measures;
    private final Parameters parameters;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    @Transactional
    public MedicalStatement prepay(ShebaoUser by, long id, Integer version, String rawRatio) {
        MedicalStatement s = forReviewer(by, id, version);
        if (s.status() != MedicalStatement.Status.SUBMITTED) {
            throw new ConflictException("status", "error.wi.medical.notSubmitted");
        }
        LocalDate today = LocalDate.now(clock);
        RegionCode region = new RegionCode(s.regionCode());
        MeasureStatus measure = measures.status(MedicalPrepaymentRule.MEASURE, region, today);
        if (!measure.inForce()) {
            throw new ConflictException("ratio", "error.wi.medical.notInForce");
        }
        BigDecimal ratio = ratio(rawRatio);
        Money prepaid = MedicalPrepaymentRule.prepayment(s.declared(), ratio,
                parameters.range(MedicalPrepaymentRule.SHARE, region, today));
        String clauses = String.join(", ", measure.clauses());
        if (!store.prepay(s, ratio, prepaid, today, clauses, by)) {
            throw new ConflictException("status", "error.wi.medical.notSubmitted");
        }
        String memo = "预付工伤医疗费用 " + s.institutionName() + " " + s.month() + " " + MedicalPrepaymentRule.percent(ratio)
                + "%（" + clauses + "）";
        ledger.post(Fund.WORK_INJURY, today, "wi-medical-prepay:" + s.id(), by.getUsername(), memo,
                List.of(new Ledger.Posting(Account.WORK_INJURY_MEDICAL_PREPAYMENTS, Account.WORK_INJURY_BANK, prepaid)));
        store.history(s.id(), s.regionCode(), "PREPAID", MedicalPrepaymentRule.percent(ratio) + "% × " + s.declared()
                + " = " + prepaid + " " + clauses, by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "work-injury medical statement " + s.id(),
                "PREPAID " + ratio.toPlainString() + " " + prepaid + " " + clauses);
        return store.get(id).orElseThrow();
    }

    /** The range a reviewer may pre-pay within today in the region (empty where the measure is not in force). */
    public java.util.Optional<org.shebao.policy.ParameterValues.Range> range(String regionCode) {
        RegionCode region = new RegionCode(regionCode);
        LocalDate today = LocalDate.now(clock);
        return measures.inForce(MedicalPrepaymentRule.MEASURE, region, today)
                ? java.util.Optional.of(parameters.range(MedicalPrepaymentRule.SHARE, region, today))
                : java.util.Optional.empty();
    }

    /** A share written as a decimal fraction (0.88) with at most four decimals. */
    private static BigDecimal ratio(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            throw InvalidInputException.of("ratio", "error.required");
        }
        try {
            BigDecimal r = new BigDecimal(t);
            if (r.stripTrailingZeros().scale() > 4) {
                throw InvalidInputException.of("ratio", "error.wi.medical.ratio.format");
            }
            return r;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("ratio", "error.wi.medical.ratio.format");
        }
    }

    @Transactional
    public MedicalStatement settle(ShebaoUser by, long id, Integer version, String rawApproved, String paperReceivedOn) {
        MedicalStatement s = forReviewer(by, id, version);
        Violations v = new Violations();
        if (s.status() != MedicalStatement.Status.PREPAID) {
            throw new ConflictException("status", "error.wi.medical.notPrepaid");
        }
        Money approved = approved(rawApproved, s.declared(), v);
        LocalDate today = LocalDate.now(clock);
        LocalDate paper = v.date(paperReceivedOn, "paperReceivedOn", true);
        if (paper != null && paper.isAfter(today)) {
            v.add("paperReceivedOn", "error.date.future", today);
        } else if (paper != null && paper.isBefore(s.prepaidOn())) {
            v.add("paperReceivedOn", "error.wi.medical.paperBeforePrepaid", s.prepaidOn());
        }
        v.throwIfAny();
        if (!store.settle(s, approved, paper, today, by)) {
            throw new ConflictException("status", "error.wi.medical.notPrepaid");
        }
        Settlement result = MedicalPrepaymentRule.settle(approved, s.prepaid());
        List<Ledger.Posting> postings = new ArrayList<>();
        switch (result.outcome()) {
            case REFUND -> {
                postings.add(new Ledger.Posting(Account.WORK_INJURY_MEDICAL_EXPENSE,
                        Account.WORK_INJURY_MEDICAL_PREPAYMENTS, approved));
                postings.add(new Ledger.Posting(Account.WORK_INJURY_MEDICAL_REFUNDS_RECEIVABLE,
                        Account.WORK_INJURY_MEDICAL_PREPAYMENTS, result.amount()));
            }
            case TOP_UP -> {
                postings.add(new Ledger.Posting(Account.WORK_INJURY_MEDICAL_EXPENSE,
                        Account.WORK_INJURY_MEDICAL_PREPAYMENTS, s.prepaid()));
                postings.add(new Ledger.Posting(Account.WORK_INJURY_MEDICAL_EXPENSE, Account.WORK_INJURY_BANK,
                        result.amount()));
            }
            case EVEN -> postings.add(new Ledger.Posting(Account.WORK_INJURY_MEDICAL_EXPENSE,
                    Account.WORK_INJURY_MEDICAL_PREPAYMENTS, s.prepaid()));
        }
        String memo = "工伤医疗费用结算 " + s.institutionName() + " " + s.month() + " 审核 " + approved + " 预付 "
                + s.prepaid() + "（SX-1b 多退少补）";
        ledger.post(Fund.WORK_INJURY, today, "wi-medical-settle:" + s.id(), by.getUsername(), memo, postings);
        store.history(s.id(), s.regionCode(), "SETTLED", approved + " − " + s.prepaid() + " = "
                + approved.minus(s.prepaid()) + " " + result.outcome() + " " + paper, by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "work-injury medical statement " + s.id(),
                "SETTLED approved " + approved + " " + result.outcome() + " " + result.amount());
        return store.get(id).orElseThrow();
    }

    /**
     * The institution repays (part of) what a settlement left owed (SX-1b 多退): amount and day received; above what is
     * still owed is refused naming the amount; Dr bank / Cr 1241. A repayment that a parallel one has made exceed the
     * balance changes nothing (409).
     */
    @Transactional
    public MedicalStatement repay(ShebaoUser by, long id, String rawAmount, String receivedOn, String reference) {
        MedicalStatement s = statementOfRegion(by, id, Role.FINANCE, Role.REVIEWER);
        if (s.status() != MedicalStatement.Status.SETTLED || !s.owed().isPositive()) {
            throw new ConflictException("amount", "error.wi.medical.nothingOwed");
        }
        Violations v = new Violations();
        Money amount = amount(rawAmount, "amount", v);
        if (amount != null && !amount.isPositive()) {
            v.add("amount", "error.wi.medical.repayment.positive");
        } else if (amount != null && amount.compareTo(s.owed()) > 0) {
            v.add("amount", "error.wi.medical.repayment.aboveOwed", s.owed());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = v.date(receivedOn, "receivedOn", true);
        if (on != null && on.isAfter(today)) {
            v.add("receivedOn", "error.date.future", today);
        } else if (on != null && on.isBefore(s.settledOn())) {
            v.add("receivedOn", "error.wi.medical.repayment.beforeSettled", s.settledOn());
        }
        String ref = v.text(reference, "reference", 50, false);
        v.throwIfAny();
        long repayment = store.repay(s, amount, on, ref, by)
                .orElseThrow(() -> new ConflictException("amount", "error.wi.medical.repayment.changed"));
        ledger.post(Fund.WORK_INJURY, today, "wi-medical-repay:" + repayment, by.getUsername(),
                "协议医疗机构退回多预付款 " + s.institutionName() + " " + s.month() + " " + amount + "（SX-1b 多退）",
                List.of(new Ledger.Posting(Account.WORK_INJURY_BANK, Account.WORK_INJURY_MEDICAL_REFUNDS_RECEIVABLE, amount)));
        store.history(s.id(), s.regionCode(), "REPAID", amount + " " + on + (ref == null ? "" : " " + ref), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "work-injury medical statement " + s.id(),
                "REPAID " + amount + " on " + on);
        return store.get(id).orElseThrow();
    }

    /** A money amount in yuan (at most two decimals), or the violation naming the field. */
    private static Money amount(String raw, String field, Violations v) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            v.add(field, "error.required");
            return null;
        }
        try {
            BigDecimal a = new BigDecimal(t);
            if (a.stripTrailingZeros().scale() > 2) {
                v.add(field, "error.wi.medical.amount.fen");
                return null;
            }
            return new Money(a);
        } catch (NumberFormatException e) {
            v.add(field, "error.wi.medical.amount.format");
            return null;
        }
    }

    private static Money approved(String raw, Money declared, Violations v) {
        Money a = amount(raw, "approved", v);
        if (a != null && a.isNegative()) {
            v.add("approved", "error.wi.medical.amount.negative");
        } else if (a != null && a.compareTo(declared) > 0) {
            v.add("approved", "error.wi.medical.approved.aboveDeclared", declared);
        } else {
            return a;
        }
        return null;
    }

    /** The statement for a reviewer of its region (the agency's work-injury section), at the version they saw. */
    private MedicalStatement forReviewer(ShebaoUser by, long id, Integer version) {
        MedicalStatement s = statementOfRegion(by, id, Role.REVIEWER);
        if (version != null && version != s.version()) {
            throw new ConflictException("version", "error.staleVersion");
        }
        return s;
    }

    /** The statement for staff of its region in one of the roles. */
    private MedicalStatement statementOfRegion(ShebaoUser by, long id, Role... roles) {
        if (!by.isStaff() || !by.has(roles)) {
            throw new AccessDeniedToRecordException("work-injury medical statement");
        }
        MedicalStatement s = store.get(id).orElseThrow(() -> new NotFoundException("work-injury medical statement " + id));
        if (!by.region().covers(new RegionCode(s.regionCode()))) {
            throw new AccessDeniedToRecordException("work-injury medical statement");
        }
        return s;
    }
}
