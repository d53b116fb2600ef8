package org.shebao.pension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.CsvLineNumbers;
import org.shebao.common.FieldViolation;
import org.shebao.common.IdNumber;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.StandingOrders;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.RegionCode;

/**
 * Files from the data exchange with other departments (SX-2: not retyped): death records from civil affairs (N-1e
 * risk control: matched recipients stop, later payments become recovery items) and data matches that count as a
 * qualification certification (N-1c channels). CSV, UTF-8: {@code id_number,name,date}. Every line is checked first;
 * if any is malformed, each bad line is reported with its number and nothing is applied.
 */
@Service
@RequiredArgsConstructor
public class RecordImports {
    /**
     * What a file is, and who may import it: the one matrix of import rights (issue 10, separation of duties). Both
     * kinds change payments (a death stops them and books recoveries, a match moves a certification forward), so
     * they belong to finance (and the administrator); auditors read what was imported, they do not import.
     */
    public enum Kind {
        DEATH(Role.FINANCE, Role.ADMIN),
        MATCH(Role.FINANCE, Role.ADMIN);

        private final Set<Role> allowed;

        Kind(Role... allowed) {
            this.allowed = Set.of(allowed);
        }

        public boolean allows(Role role) {
            return allowed.contains(role);
        }
    }

    /** The kinds a user may import (none: the import form is not offered). */
    public static List<Kind> importableBy(ShebaoUser by) {
        return Arrays.stream(Kind.values()).filter(k -> k.allows(by.role())).toList();
    }

    /** A malformed line: its number, and a message code with its arguments. */
    public record LineError(int line, String code, List<Object> args) {
    }

    /** The outcome: rows read, errors (nothing applied when any), persons matched, not found, and the recovery total. */
    public record Result(Kind kind, int rows, List<LineError> errors, int matched, int unmatched, Money recovery) {
        public boolean applied() {
            return errors.isEmpty();
        }
    }

    private record Row(int line, IdNumber id, String name, LocalDate date) {
    }

    private final Persons persons;
    private final StandingOrders orders;
    private final Deaths deaths;
    private final Clock clock;

    private final AuditLog audit;

    @Transactional
    public Result importFile(ShebaoUser by, Kind kind, byte[] bytes) {
        if (!kind.allows(by.role())) {
            throw new AccessDeniedToRecordException("data exchange import");
        }
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // Commons CSV: quoted fields (a name with a comma), CRLF or LF; each record's line is counted from its
        // position in the text, so a message names the line the user sees in an editor
        CsvLineNumbers lines = new CsvLineNumbers(text);
        int n = 0;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            for (CSVRecord rec : parser) {
                n = lines.lineAt(rec.getCharacterPosition());
                if (rec.size() == 1 && rec.get(0).isBlank()
                        || (n == 1 && rec.get(0).strip().toLowerCase().startsWith("id_number"))) {
                    continue;
                }
                if (rec.size() != 3) {
                    errors.add(new LineError(n, "error.import.columns", List.of(rec.size())));
                    continue;
                }
                Violations v = new Violations();
                IdNumber id = v.attempt(() -> IdNumber.parse(rec.get(0).strip(), "idNumber"));
                String name = v.text(rec.get(1), "name", 50, true);
                LocalDate date = v.date(rec.get(2), "date", true);
                if (date != null && date.isAfter(today)) {
                    v.add("date", "error.date.future", today);
                }
                if (id != null && !seen.add(id.value())) {
                    v.add("idNumber", "error.import.duplicate");
                }
                try {
                    v.throwIfAny();
                    rows.add(new Row(n, id, name, date));
                } catch (InvalidInputException e) {
                    for (FieldViolation f : e.violations()) {
                        errors.add(new LineError(n, f.code(), f.args()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unclosed quote: the parser cannot tell where the line ends
            errors.add(new LineError(n + 1, "error.import.quote", List.of()));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(0, "error.import.empty", List.of()));
        }
        List<Person> matched = new ArrayList<>();
        int unmatched = 0;
        for (Row row : rows) {
            Optional<Person> p;
            try {
                p = persons.personByIdNumber(by, row.id().value(), "idNumber");
            } catch (AccessDeniedToRecordException e) {
                p = Optional.empty();
            }
            if (p.isEmpty()) {
                unmatched++;
            } else if (!p.get().name().equals(row.name())) {
                errors.add(new LineError(row.line(), "error.import.name", List.of(row.id().masked(), p.get().name())));
            } else {
                matched.add(p.get());
            }
        }
        Money recovery = Money.ZERO;
        if (!errors.isEmpty()) {
            return new Result(kind, rows.size(), List.copyOf(errors), 0, unmatched, recovery);
        }
        for (int i = 0; i < matched.size(); i++) {
            Person p = matched.get(i);
            Row row = rows.stream().filter(x -> x.id().value().equals(p.idNumber().value())).findFirst().orElseThrow();
            if (kind == Kind.DEATH) {
                // recorded once (a death already recorded keeps its first record and books nothing again)
                recovery = recovery.plus(deaths.record(by.getUsername(), p, row.date(), Deaths.Source.IMPORT,
                        "死亡数据比对（民政）").map(Deaths.Death::overpaid).orElse(Money.ZERO));
            } else {
                for (StandingOrders.Order o : orders.ordersOf(p.id())) {
                    orders.certify(o.id(), orders.certificationValidUntil(new RegionCode(o.regionCode()),
                            row.date()), "DATA_MATCH");
                }
            }
        }
        audit.record(by.getUsername(), AuditAction.DATA_IMPORTED, kind.name(),
                rows.size() + " lines, " + matched.size() + " matched, recovery " + recovery);
        return new Result(kind, rows.size(), List.of(), matched.size(), unmatched, recovery);
    }
}
