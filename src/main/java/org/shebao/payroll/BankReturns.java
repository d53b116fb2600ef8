package org.shebao.payroll;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bank's return file (回盘文件) of an approved run (issue 15, item 4; N-1e, FJ-1.7). Per line: the payment's
 * reference (流水号), the account, the amount, the result (成功 / 失败) and, for a failure, the reason; a header
 * line and a total line (合计, count, amount) may be there; UTF-8 (with or without a BOM) or GBK, separated by |, a
 * tab or a comma. The file is checked line by line and imported all or nothing: every bad line is named with its
 * number and reason (400, nothing written). A payment is settled once: SENT → PAID or FAILED is a single-winner update,
 * so the same file imported twice, or two files naming the same payment (even at once), book once (409). What failed
 * came back to the fund's bank account and is owed to the recipient: Dr 1002 / Cr 2201 per fund. The run's
 * reconciliation compares what was sent, paid and failed with the ledger.
 */
@Service
@RequiredArgsConstructor
public class BankReturns {
    /** The most lines one return file may hold. */
    static final int MAX_LINES = 200_000;
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Payroll payroll;
    private final PayrollApproval approval;
    private final Ledger ledger;
    private final AuditLog audit;

    /** What an import did. */
    public record Imported(long returnId, int paid, int failed, Money paidAmount, Money failedAmount)
            implements java.io.Serializable { // shown after the redirect: a flash attribute, kept in the JDBC session
    }

    /** A failed payment as finance reads it, with where its reissue stands. */
    public record Failed(long paymentId, long runId, YearMonth month, long orderId, long personId, String name,
                         String account, Money amount, String reason, YearMonth reissueMonth, Long reissuedInRun) {
        /** The account with its middle hidden (screens and exports). */
        public String maskedAccount() {
            return BankPayments.masked(account);
        }
    }

    /**
     * A run's reconciliation, each side from its own record: the run's computed lines per order (payable: a net above
     * zero; not sent: a net of zero or less, a deduction or recovery that only settles a receivable), the payments
     * sent in the bank files and where each stands (paid, failed, awaiting the return), and the ledger (what the run's
     * vouchers took out of the funds' bank accounts; what the returns booked back and owe). Counts match when the
     * payments sent are the payable orders, in number and amount; the ledger matches when the run booked the net of
     * all its lines and the returns booked exactly the failures.
     */
    public record Reconciliation(long payable, Money payableAmount, long notSent, Money notSentAmount, long sent,
                                 Money sentAmount, long paid, Money paidAmount, long failed, Money failedAmount,
                                 long awaiting, Money awaitingAmount, Money ledgerPaidOut, Money ledgerReturned,
                                 Money ledgerPayable, boolean countsMatch, boolean ledgerMatches) {
        static Reconciliation of(long payable, Money payableAmount, long notSent, Money notSentAmount, long paid,
                                 Money paidAmount, long failed, Money failedAmount, long awaiting, Money awaitingAmount,
                                 Money ledgerPaidOut, Money ledgerReturned, Money ledgerPayable) {
            long sent = paid + failed + awaiting;
            Money sentAmount = paidAmount.plus(failedAmount).plus(awaitingAmount);
            return new Reconciliation(payable, payableAmount, notSent, notSentAmount, sent, sentAmount, paid, paidAmount,
                    failed, failedAmount, awaiting, awaitingAmount, ledgerPaidOut, ledgerReturned, ledgerPayable,
                    sent == payable && sentAmount.equals(payableAmount),
                    ledgerPaidOut.equals(payableAmount.plus(notSentAmount)) && ledgerReturned.equals(failedAmount)
                            && ledgerPayable.equals(failedAmount));
        }
    }

    /** A line as read from the file. */
    private record Line(int no, String reference, String account, String amount, String result, String reason) {
    }

    /** A payment as sent. */
    private record Sent(long id, String bankAccount, BigDecimal amount, String status, String benefit) {
    }

    /** A checked line: the payment, paid or failed with its reason. */
    private record Settled(Sent payment, boolean paid, String reason) {
    }

    /** Imports a return file for an approved run, as a finance user of its region. */
    public Imported importReturn(ShebaoUser by, long runId, String fileName, byte[] bytes) {
        PayrollRun run = payroll.run(by, runId);
        if (!by.has(Role.FINANCE)) {
            throw new AccessDeniedToRecordException("bank return");
        }
        if (!run.approved()) {
            throw new ConflictException("file", "error.bankReturn.notApproved");
        }
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "error.bankReturn.empty");
        }
        approval.bankFiles(by, runId); // the payments exist (written at the approval; older runs: now)
        String sha = sha256(bytes);
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM payroll_bank_return WHERE run_id = :run AND region_code = :r AND sha256 = :s)")
                .param("run", runId).param("r", run.regionCode()).param("s", sha).query(Boolean.class).single()) {
            throw new ConflictException("file", "error.bankReturn.duplicate");
        }
        List<Settled> settled = check(run, read(bytes));
        Imported done = tx.execute(s -> write(by, run, fileName, sha, settled));
        audit.record(by.getUsername(), AuditAction.PAYROLL_RETURN_IMPORTED, "payroll-run:" + runId,
                "return " + done.returnId() + ": " + done.paid() + " paid, " + done.failed() + " failed "
                        + done.failedAmount().amount().toPlainString());
        return done;
    }

    /** Checks every line against the run's payments; all bad lines at once (400), else the lines settled. */
    private List<Settled> check(PayrollRun run, List<Line> lines) {
        Map<Long, Sent> sent = new HashMap<>();
        List<Long> ids = lines.stream().map(l -> parseId(l.reference())).filter(i -> i != null).distinct().toList();
        for (int i = 0; i < ids.size(); i += BATCH) {
            jdbc.sql("""
                    SELECT id, bank_account, amount, status, benefit FROM payroll_payment
                     WHERE run_id = :run AND region_code = :r AND id IN (:ids)""")
                    .param("run", run.id()).param("r", run.regionCode()).param("ids", ids.subList(i, Math.min(ids.size(), i + BATCH)))
                    .query(Sent.class).list().forEach(p -> sent.put(p.id(), p));
        }
        List<FieldViolation> errors = new ArrayList<>();
        List<Settled> out = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (Line l : lines) {
            if (l.reference() == null) { // the total line: its count and amount are those of the lines
                continue;
            }
            List<FieldViolation> v = new ArrayList<>();
            Long id = parseId(l.reference());
            Sent p = id == null ? null : sent.get(id);
            if (l.result() == null) {
                v.add(FieldViolation.of("line", "error.bankReturn.fields"));
            } else if (p == null) {
                v.add(FieldViolation.of("reference", "error.bankReturn.reference", l.reference()));
            } else {
                Integer first = seen.putIfAbsent(id, l.no());
                if (first != null) {
                    v.add(FieldViolation.of("reference", "error.bankReturn.repeated", l.reference(), first));
                } else if (!"SENT".equals(p.status())) {
                    v.add(FieldViolation.of("reference", "error.bankReturn.settled", l.reference()));
                }
                if (!p.bankAccount().equals(l.account())) {
                    v.add(FieldViolation.of("account", "error.bankReturn.account", l.account()));
                }
                Money amount = amount(l.amount());
                if (amount == null || !amount.equals(new Money(p.amount()))) {
                    v.add(FieldViolation.of("amount", "error.bankReturn.amount", l.amount(),
                            new Money(p.amount()).amount().toPlainString()));
                }
                Boolean paid = switch (l.result()) {
                    case "成功", "S", "0" -> Boolean.TRUE;
                    case "失败", "F", "1" -> Boolean.FALSE;
                    default -> null;
                };
                if (paid == null) {
                    v.add(FieldViolation.of("result", "error.bankReturn.result", l.result()));
                } else if (!paid && (l.reason() == null || l.reason().isBlank())) {
                    v.add(FieldViolation.of("reason", "error.bankReturn.reason"));
                }
                if (v.isEmpty()) {
                    String reason = paid ? null : l.reason().strip();
                    out.add(new Settled(p, paid, reason == null ? null : reason.length() <= 200 ? reason : reason.substring(0, 200)));
                }
            }
            v.forEach(f -> errors.add(lineViolation(l.no(), f)));
        }
        // a total line states the count and the amount of the data lines
        long count = lines.stream().filter(l -> l.reference() != null).count();
        Money stated = lines.stream().filter(l -> l.reference() != null).map(l -> amount(l.amount()))
                .filter(a -> a != null).reduce(Money.ZERO, Money::plus);
        for (Line l : lines) {
            if (l.reference() == null && (!String.valueOf(count).equals(l.account()) || amount(l.amount()) == null
                    || !amount(l.amount()).equals(stated))) {
                errors.add(lineViolation(l.no(), FieldViolation.of("total", "error.bankReturn.total", count,
                        stated.amount().toPlainString())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of("file", "error.bankReturn.empty");
        }
        return out;
    }

    /** Writes the return, settles its payments (each once, or nothing at all: 409) and books the failures per fund. */
    private Imported write(ShebaoUser by, PayrollRun run, String fileName, String sha, List<Settled> lines) {
        List<Settled> paid = lines.stream().filter(Settled::paid).toList();
        List<Settled> failed = lines.stream().filter(l -> !l.paid()).toList();
        Money paidAmount = paid.stream().map(l -> new Money(l.payment().amount())).reduce(Money.ZERO, Money::plus);
        Money failedAmount = failed.stream().map(l -> new Money(l.payment().amount())).reduce(Money.ZERO, Money::plus);
        String name = fileName == null || fileName.isBlank() ? "-" : fileName.strip();
        Optional<Long> returnId = jdbc.sql("""
                INSERT INTO payroll_bank_return (region_code, run_id, file_name, sha256, paid, failed, paid_amount,
                                                 failed_amount, imported_by, imported_at)
                VALUES (:r, :run, :name, :sha, :paid, :failed, :pa, :fa, :by, :now)
                ON CONFLICT (run_id, sha256, region_code) DO NOTHING RETURNING id""")
                .param("r", run.regionCode()).param("run", run.id())
                .param("name", name.length() <= 200 ? name : name.substring(0, 200)).param("sha", sha)
                .param("paid", paid.size()).param("failed", failed.size()).param("pa", paidAmount.amount())
                .param("fa", failedAmount.amount()).param("by", by.getUsername()).param("now", OffsetDateTime.now(clock))
                .query(Long.class).optional();
        if (returnId.isEmpty()) {
            throw new ConflictException("file", "error.bankReturn.duplicate"); // the same file, imported at the same time
        }
        long ret = returnId.get();
        // each payment settles once: SENT → PAID / FAILED where it is still SENT; fewer rows than lines: another return
        // settled some first, and this one is refused whole (the transaction rolls back)
        List<Long> paidIds = paid.stream().map(l -> l.payment().id()).sorted().toList();
        int won = 0;
        for (int i = 0; i < paidIds.size(); i += BATCH) {
            won += jdbc.sql("""
                    UPDATE payroll_payment SET status = 'PAID', return_id = :ret
                     WHERE run_id = :run AND region_code = :r AND status = 'SENT' AND id IN (:ids)""")
                    .param("ret", ret).param("run", run.id()).param("r", run.regionCode())
                    .param("ids", paidIds.subList(i, Math.min(paidIds.size(), i + BATCH))).update();
        }
        Map<Fund, Money> back = new EnumMap<>(Fund.class);
        for (Settled l : failed) {
            won += jdbc.sql("""
                    UPDATE payroll_payment SET status = 'FAILED', return_id = :ret, reason = :reason
                     WHERE id = :id AND run_id = :run AND region_code = :r AND status = 'SENT'""")
                    .param("ret", ret).param("reason", l.reason()).param("id", l.payment().id()).param("run", run.id())
                    .param("r", run.regionCode()).update();
            back.merge(Benefit.valueOf(l.payment().benefit()).fund(), new Money(l.payment().amount()), Money::plus);
        }
        if (won != lines.size()) {
            throw new ConflictException("file", "error.bankReturn.concurrent");
        }
        LocalDate today = LocalDate.now(clock);
        for (Map.Entry<Fund, Money> e : back.entrySet()) {
            Account.Returns a = Account.returns(e.getKey());
            ledger.post(e.getKey(), today, "payroll-return:" + run.id() + ":" + ret + ":" + e.getKey().name(),
                    by.getUsername(), run.month() + " 代发退回（回盘失败），待更正账户后重发",
                    List.of(new Ledger.Posting(a.bank(), a.returned(), e.getValue())));
        }
        return new Imported(ret, paid.size(), failed.size(), paidAmount, failedAmount);
    }

    /** The reconciliation of a run, for staff of its region. */
    public Reconciliation reconciliation(ShebaoUser by, long runId) {
        PayrollRun run = payroll.run(by, runId);
        record Count(String status, long n, BigDecimal amount) {
        }
        Map<String, Count> c = new HashMap<>();
        jdbc.sql("""
                SELECT status, count(*) AS n, COALESCE(sum(amount), 0) AS amount FROM payroll_payment
                 WHERE run_id = :run AND region_code = :r GROUP BY status""")
                .param("run", runId).param("r", run.regionCode()).query(Count.class).list()
                .forEach(x -> c.put(x.status(), x));
        Count none = new Count("", 0, BigDecimal.ZERO);
        Count paid = c.getOrDefault("PAID", none);
        Count failed = c.getOrDefault("FAILED", none);
        Count awaiting = c.getOrDefault("SENT", none);
        // the ledger's side: the run's vouchers (one per fund) credited the bank accounts; the returns' debited them
        // back and credited the payable
        Money paidOut = Money.ZERO;
        String source = "payroll-run:" + runId;
        for (Ledger.Journal j : ledger.journals(null, source, null, null, 1000)) {
            if (j.source().equals(source) || j.source().startsWith(source + ":")) { // not payroll-run:<id>0…
                paidOut = paidOut.plus(sum(j, "1002", false));
            }
        }
        Money returned = Money.ZERO;
        Money payable = Money.ZERO;
        for (Ledger.Journal j : ledger.journals(null, "payroll-return:" + runId + ":", null, null, 10_000)) {
            returned = returned.plus(sum(j, "1002", true));
            payable = payable.plus(sum(j, "2201", false));
        }
        // the run's side: its computed lines, net per order
        record Nets(long payable, BigDecimal payableAmount, long notSent, BigDecimal notSentAmount) {
        }
        Nets nets = jdbc.sql("""
                SELECT count(*) FILTER (WHERE net > 0) AS payable,
                       COALESCE(sum(net) FILTER (WHERE net > 0), 0) AS payable_amount,
                       count(*) FILTER (WHERE net <= 0) AS not_sent,
                       COALESCE(sum(net) FILTER (WHERE net <= 0), 0) AS not_sent_amount
                  FROM (SELECT order_id, sum(amount) AS net FROM payroll_line WHERE run_id = :run GROUP BY order_id) o""")
                .param("run", runId)
                .query((rs, i) -> new Nets(rs.getLong("payable"), rs.getBigDecimal("payable_amount"),
                        rs.getLong("not_sent"), rs.getBigDecimal("not_sent_amount"))).single();
        return Reconciliation.of(nets.payable(), new Money(nets.payableAmount()), nets.notSent(),
                new Money(nets.notSentAmount()), paid.n(), new Money(paid.amount()), failed.n(),
                new Money(failed.amount()), awaiting.n(), new Money(awaiting.amount()), paidOut, returned, payable);
    }

    /** An account's net in one voucher: debits − credits ({@code debit}) or credits − debits. */
    private static Money sum(Ledger.Journal j, String account, boolean debit) {
        Money net = Money.ZERO;
        for (Ledger.Line l : j.lines()) {
            if (l.account().equals(account)) {
                net = net.plus(debit ? l.debit().minus(l.credit()) : l.credit().minus(l.debit()));
            }
        }
        return net;
    }

    /** The failed payments of a run, or (runId null) of the user's region still to be reissued, newest first. */
    public List<Failed> failed(ShebaoUser by, Long runId) {
        String scope;
        String region = "";
        if (runId != null) {
            region = payroll.run(by, runId).regionCode();
            scope = "p.run_id = :run AND p.region_code = :r";
        } else {
            if (!by.isStaff()) {
                throw new AccessDeniedToRecordException("failed payments");
            }
            scope = "p.region_code LIKE :scope AND a.paid_run IS NULL";
        }
        return jdbc.sql("""
                SELECT p.id, p.run_id, r.month, p.order_id, p.person_id, p.account_name, p.bank_account, p.amount,
                       p.reason, a.month AS reissue_month, a.paid_run
                  FROM payroll_payment p
                  JOIN payroll_run r ON r.id = p.run_id AND r.region_code = p.region_code
                  LEFT JOIN payroll_adjustment a ON a.reissue_of = p.id AND a.region_code = p.region_code
                 WHERE p.status = 'FAILED'""" + " AND " + scope + " ORDER BY p.id DESC LIMIT 500")
                .param("scope", by.region().scopePrefix() + "%").param("run", runId == null ? -1L : runId)
                .param("r", region)
                .query((rs, i) -> new Failed(rs.getLong("id"), rs.getLong("run_id"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("order_id"),
                        rs.getLong("person_id"), rs.getString("account_name"), rs.getString("bank_account"),
                        new Money(rs.getBigDecimal("amount")), rs.getString("reason"),
                        rs.getObject("reissue_month", LocalDate.class) == null ? null
                                : YearMonth.from(rs.getObject("reissue_month", LocalDate.class)),
                        (Long) rs.getObject("paid_run"))).list();
    }

    // ---------------------------------------------------------------- reading the file

    /** The file's lines: data lines, and the total line (reference null; count in account, amount in amount). */
    static List<Line> read(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] raw = text.split("\r\n|\n|\r", -1);
        List<Line> out = new ArrayList<>();
        String sep = null;
        boolean first = true;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            if (s.isBlank()) {
                continue;
            }
            if (sep == null) {
                sep = s.contains("|") ? "\\|" : s.contains("\t") ? "\t" : ",";
            }
            String[] f = s.split(sep, -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
            }
            boolean isFirst = first;
            first = false;
            if (f[0].equals("合计") || f[0].equalsIgnoreCase("TOTAL")) {
                out.add(new Line(i + 1, null, f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "", null, null));
                continue;
            }
            if (isFirst && !f[0].matches("[0-9]+")) {
                continue; // the header line
            }
            if (out.size() >= MAX_LINES) {
                throw InvalidInputException.of("file", "error.bankReturn.tooMany", MAX_LINES);
            }
            out.add(f.length < 4 ? new Line(i + 1, f[0], null, null, null, null)
                    : new Line(i + 1, f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : null));
        }
        return out;
    }

    /** UTF-8 when the bytes are, else GBK (GB18030, its superset). */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static Long parseId(String reference) {
        return reference != null && reference.matches("[0-9]{1,18}") ? Long.valueOf(reference) : null;
    }

    private static Money amount(String text) {
        if (text == null || !text.matches("[0-9]{1,12}(\\.[0-9]{1,2})?")) {
            return null;
        }
        return new Money(new BigDecimal(text));
    }

    /** A bad line, named: 第n行：reason. */
    private static FieldViolation lineViolation(int line, FieldViolation reason) {
        return FieldViolation.of("lines[" + line + "]." + reason.field(), "error.bankReturn.line", String.valueOf(line),
                new DefaultMessageSourceResolvable(new String[] {reason.code()}, reason.args().toArray(), reason.code()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
