package org.shebao.workinjury;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.UploadedRows;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.workinjury.internal.MedicalStatementStore;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agreement medical institution's monthly work-injury bills (SX-1b): submitted by its hospital user as a file of
 * the agreed layout (Excel or CSV: ID number, name, day of treatment, item, amount) or through the API, checked line
 * by line (every bad line named with its number and reason, nothing written unless all are good), one statement per
 * institution and month, replaced by a re-submission until it is pre-paid. Submission is open where and while the
 * measure is in force.
 */
@Service
@RequiredArgsConstructor
public class MedicalBills {
    public static final int MAX_LINES = 10_000;
    /** The agreed layout's columns. */
    public static final List<String> COLUMNS = List.of("idNumber", "name", "treatedOn", "item", "amount");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    /** One line as submitted: its number in the file (or position in the API's list) and its five values. */
    public record BillLine(int line, String idNumber, String name, String treatedOn, String item, String amount) {
    }

    private final MedicalStatementStore store;
    private final WorkInjuryStore injuries;
    private final Institutions institutions;
    private final Persons persons;
    private final Measures measures;
    private final AuditLog audit;
    private final Clock clock;

    /** A file of the agreed layout: a first line that does not begin with a digit is the header. */
    @Transactional
    public MedicalStatement submitFile(ShebaoUser by, String month, String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "error.required");
        }
        boolean xlsx = UploadedRows.isXlsx(fileName, bytes);
        List<UploadedRows.Line> rows;
        try {
            rows = UploadedRows.read(xlsx, bytes, (column, day) -> column == 2 ? day.toString() : null, MAX_LINES + 1);
        } catch (UploadedRows.Unreadable e) {
            throw e.quote() ? new InvalidInputException(line(e.line(), "file", FieldViolation.of("file", "error.wi.medical.quote")))
                    : InvalidInputException.of("file", "error.wi.medical.file");
        } catch (UploadedRows.TooMany e) {
            throw InvalidInputException.of("file", "error.wi.medical.tooMany", MAX_LINES);
        }
        List<BillLine> lines = new ArrayList<>();
        List<FieldViolation> errors = new ArrayList<>();
        for (UploadedRows.Line r : rows) {
            String first = r.value(0) == null ? "" : r.value(0).strip();
            if (lines.isEmpty() && errors.isEmpty() && r.line() == 1 && !first.isEmpty()
                    && !Character.isDigit(first.charAt(0))) {
                continue; // the header
            }
            if (r.values().size() != COLUMNS.size()) {
                errors.add(line(r.line(), "file", FieldViolation.of("file", "error.wi.medical.columns",
                        r.values().size(), COLUMNS.size())));
                continue;
            }
            lines.add(new BillLine(r.line(), r.value(0), r.value(1), r.value(2), r.value(3), r.value(4)));
        }
        return submit(by, month, xlsx ? "XLSX" : "CSV", lines, errors);
    }

    /** Lines sent through the API (numbered from 1 in the order sent). */
    @Transactional
    public MedicalStatement submit(ShebaoUser by, String month, List<BillLine> lines) {
        return submit(by, month, "API", lines == null ? List.of() : lines, new ArrayList<>());
    }

    private MedicalStatement submit(ShebaoUser by, String rawMonth, String channel, List<BillLine> lines,
                                    List<FieldViolation> errors) {
        Institution inst = institutions.institutionOf(by)
                .orElseThrow(() -> new AccessDeniedToRecordException("agreement medical institution"));
        RegionCode region = new RegionCode(inst.regionCode());
        LocalDate today = LocalDate.now(clock);
        MeasureStatus measure = measures.status(MedicalPrepaymentRule.MEASURE, region, today);
        if (!measure.inForce()) {
            throw new ConflictException("month", "error.wi.medical.notInForce");
        }
        Violations v = new Violations();
        YearMonth month = month(rawMonth, v);
        if (month != null && month.isAfter(YearMonth.from(today))) {
            v.add("month", "error.wi.medical.futureMonth", YearMonth.from(today));
        } else if (month != null && !inst.covers(month)) {
            v.add("month", "error.wi.medical.outsideAgreement", inst.agreementFrom(), inst.agreementTo());
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            v.add("file", "error.wi.medical.noLines");
        } else if (lines.size() > MAX_LINES) {
            v.add("file", "error.wi.medical.tooMany", MAX_LINES);
        }
        v.throwIfAny();
        List<MedicalStatementStore.NewLine> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BillLine l : lines) {
            List<FieldViolation> found = new ArrayList<>();
            MedicalStatementStore.NewLine ok = check(l, inst, region, month, today, found);
            if (ok != null && !seen.add(ok.personId() + "|" + ok.treatedOn() + "|" + ok.item() + "|" + ok.amount())) {
                found.add(FieldViolation.of("item", "error.wi.medical.duplicate"));
            }
            found.forEach(f -> errors.add(line(l.line(), f.field(), f)));
            if (found.isEmpty()) {
                checked.add(ok);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(f -> Integer.parseInt((String) f.args().get(0))));
            throw new InvalidInputException(errors);
        }
        Money declared = checked.stream().map(MedicalStatementStore.NewLine::amount).reduce(Money.ZERO, Money::plus);
        store.lockInstitution(inst.id(), inst.regionCode());
        Optional<MedicalStatement> existing = store.of(inst.id(), inst.regionCode(), month);
        long id;
        if (existing.isEmpty()) {
            id = store.insert(inst.id(), inst.regionCode(), month, declared, checked.size(), channel, by);
            store.history(id, inst.regionCode(), "SUBMITTED", month + " " + declared + " (" + checked.size() + ")", by);
        } else {
            id = existing.get().id();
            if (!store.replace(id, inst.regionCode(), declared, checked.size(), channel, by)) {
                throw new ConflictException("month", "error.wi.medical.alreadyPrepaid", month);
            }
            store.history(id, inst.regionCode(), "RESUBMITTED", month + " " + declared + " (" + checked.size() + ")", by);
        }
        store.insertLines(id, inst.regionCode(), checked);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "work-injury medical statement " + id,
                (existing.isEmpty() ? "SUBMITTED " : "RESUBMITTED ") + inst.name() + " " + month + " " + declared
                        + " " + String.join(",", measure.clauses()));
        return store.get(id).orElseThrow();
    }

    /** One line checked: the patient a registered person of the region with a recognized injury before the day. */
    private MedicalStatementStore.NewLine check(BillLine l, Institution inst, RegionCode region, YearMonth month,
                                                LocalDate today, List<FieldViolation> found) {
        Violations v = new Violations();
        Person person = null;
        if (l.idNumber() == null || l.idNumber().isBlank()) {
            v.add("idNumber", "error.required");
        } else {
            Optional<Person> p = Optional.ofNullable(v.attempt(() -> persons.registeredIn(region, l.idNumber(), "idNumber")))
                    .flatMap(o -> o);
            if (p.isEmpty() && !v.has("idNumber")) {
                v.add("idNumber", "error.wi.medical.unknownPatient");
            }
            person = p.orElse(null);
        }
        String name = v.text(l.name(), "name", 50, true);
        if (person != null && name != null && !person.name().equals(name)) {
            v.add("name", "error.wi.medical.nameMismatch");
        }
        LocalDate on = v.date(l.treatedOn(), "treatedOn", true);
        if (on != null && on.isAfter(today)) {
            v.add("treatedOn", "error.date.future", today);
        } else if (on != null && !YearMonth.from(on).equals(month)) {
            v.add("treatedOn", "error.wi.medical.outsideMonth", month);
        } else if (on != null && !inst.covers(on)) {
            v.add("treatedOn", "error.wi.medical.outsideAgreement", inst.agreementFrom(), inst.agreementTo());
        }
        String item = v.text(l.item(), "item", 100, true);
        Money amount = amount(l.amount(), v);
        Recognition injury = null;
        if (person != null && on != null) {
            long personId = person.id();
            injury = injuries.recognitionsOf(personId).stream()
                    .filter(r -> r.status() == RecognitionStatus.RECOGNIZED && !r.injuredOn().isAfter(on))
                    .max(Comparator.comparing(Recognition::injuredOn)).orElse(null);
            if (injury == null) {
                v.add("idNumber", "error.wi.medical.noInjury", on);
            }
        }
        found.addAll(v.list());
        if (!v.isEmpty()) {
            return null;
        }
        return new MedicalStatementStore.NewLine(l.line(), person.id(), person.name(), person.maskedIdNumber(),
                injury.id(), on, item, amount);
    }

    private static Money amount(String raw, Violations v) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            v.add("amount", "error.required");
            return null;
        }
        BigDecimal a;
        try {
            a = new BigDecimal(s);
        } catch (NumberFormatException e) {
            v.add("amount", "error.wi.medical.amount.format");
            return null;
        }
        if (a.signum() < 0) {
            v.add("amount", "error.wi.medical.amount.negative");
        } else if (a.signum() == 0) {
            v.add("amount", "error.wi.medical.amount.zero");
        } else if (a.stripTrailingZeros().scale() > 2) {
            v.add("amount", "error.wi.medical.amount.fen");
        } else if (a.compareTo(MAX_AMOUNT) >= 0) {
            v.add("amount", "error.wi.medical.amount.format");
        } else {
            return new Money(a);
        }
        return null;
    }

    static YearMonth month(String raw, Violations v) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            v.add("month", "error.required");
            return null;
        }
        try {
            return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            v.add("month", "error.wi.medical.month");
            return null;
        }
    }

    /** A reason of one line, as the user reads it: 第 n 行：reason (the field named in the reason's path). */
    static FieldViolation line(int line, String field, FieldViolation reason) {
        return FieldViolation.of("lines[" + line + "]." + field, "error.wi.medical.line", String.valueOf(line),
                new DefaultMessageSourceResolvable(new String[]{"field.wi.medical." + field}, null, field),
                new DefaultMessageSourceResolvable(new String[]{reason.code()}, reason.args().toArray(), reason.code()));
    }

    // ---------------------------------------------------------------- reading

    /** The statements the user may read: its own institution's (hospital), or of the staff user's region. */
    public List<MedicalStatement> statements(ShebaoUser by) {
        Optional<Institution> own = institutions.institutionOf(by);
        if (own.isPresent()) {
            return store.list(own.get().id(), own.get().regionCode(), 240);
        }
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("work-injury medical statement");
        }
        return store.list(null, by.region().scopePrefix(), 500);
    }

    /** A statement the user may read: 404 when unknown, 403 to anyone but its institution and staff of its region. */
    public MedicalStatement get(ShebaoUser by, long id) {
        MedicalStatement s = store.get(id).orElseThrow(() -> new NotFoundException("work-injury medical statement " + id));
        boolean staff = by.isStaff() && by.region().covers(new RegionCode(s.regionCode()));
        boolean own = institutions.institutionOf(by).map(i -> i.id() == s.institutionId()).orElse(false);
        if (!staff && !own) {
            throw new AccessDeniedToRecordException("work-injury medical statement");
        }
        return s;
    }

    public List<MedicalBillLine> lines(ShebaoUser by, long id) {
        get(by, id);
        return store.lines(id);
    }

    public List<HistoryEntry> history(ShebaoUser by, long id) {
        get(by, id);
        return store.historyOf(id);
    }

    /** The institution's repayments of the month's over-pre-payment (the hospital and the section see them). */
    public List<MedicalStatement.Repayment> repayments(ShebaoUser by, long id) {
        get(by, id);
        return store.repayments(id);
    }
}
