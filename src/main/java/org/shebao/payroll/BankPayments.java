package org.shebao.payroll;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The payments of an approved run (issue 15, items 4 and 7): one per standing order, the net of its lines, to the
 * account of its lines, at the recipient's bank. They are written from the frozen lines when the run is approved (and,
 * for a run approved before they existed, when its files are first asked for: the same rows, written once); each
 * carries the reference (流水号) that its bank file line and the bank's return line name.
 */
@Service
@RequiredArgsConstructor
public class BankPayments {
    private final JdbcClient jdbc;
    private final BankLayouts layouts;

    /** An account number with its middle hidden (screens and exports): the first and last four digits. */
    public static String masked(String account) {
        return account.length() <= 8 ? account
                : account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
    }

    /** One bank's part of a run: how many payments, how much. */
    public record BankTotal(BankLayout layout, long payments, Money amount) {
    }

    /**
     * Writes the payments of an approved run, once (a second call writes nothing): one per order whose lines net above
     * zero, its bank resolved by the layouts in force in the run's month.
     */
    void create(PayrollRun run) {
        List<BankLayout> in = layouts.inForce(new RegionCode(run.regionCode()), run.month().atDay(1));
        // the banks and their card prefixes as a table of literals: codes and prefixes are checked by BankLayout.parse
        String prefixes = in.stream().flatMap(l -> l.prefixes().stream().map(p -> "('" + l.code() + "', '" + p + "')"))
                .collect(Collectors.joining(", "));
        String banks = in.stream().map(l -> "'" + l.code() + "'").collect(Collectors.joining(", "));
        String fallback = in.get(in.size() - 1).code();
        jdbc.sql("""
                INSERT INTO payroll_payment (region_code, run_id, order_id, person_id, benefit, bank_code, bank_account,
                                             account_name, amount, kinds, flags)
                SELECT :r, :run, l.order_id, max(l.person_id), max(o.benefit),
                       COALESCE(CASE WHEN max(o.bank_code) IN (%2$s) THEN max(o.bank_code) END,
                                (SELECT p.bank FROM (VALUES %1$s) AS p (bank, prefix)
                                  WHERE max(l.bank_account) LIKE p.prefix || '%%'
                                  ORDER BY length(p.prefix) DESC LIMIT 1), '%3$s'),
                       max(l.bank_account), max(l.account_name), sum(l.amount),
                       string_agg(DISTINCT l.kind, ' ' ORDER BY l.kind),
                       COALESCE(string_agg(DISTINCT NULLIF(l.flags, ''), ' '), '')
                  FROM payroll_line l JOIN payroll_order o ON o.id = l.order_id AND o.region_code = l.region_code
                 WHERE l.run_id = :run AND l.region_code = :r
                 GROUP BY l.order_id HAVING sum(l.amount) > 0
                ON CONFLICT (run_id, order_id, region_code) DO NOTHING"""
                        .formatted(prefixes.isEmpty() ? "('', NULL)" : prefixes, banks, fallback))
                .param("r", run.regionCode()).param("run", run.id()).update();
    }

    /** The run's payments by bank, in the order of the banks in force (banks without payments left out). */
    public List<BankTotal> byBank(PayrollRun run) {
        List<BankLayout> in = layouts.inForce(new RegionCode(run.regionCode()), run.month().atDay(1));
        record Row(String bankCode, long payments, java.math.BigDecimal amount) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT bank_code, count(*) AS payments, sum(amount) AS amount FROM payroll_payment
                 WHERE run_id = :run AND region_code = :r GROUP BY bank_code""")
                .param("run", run.id()).param("r", run.regionCode()).query(Row.class).list();
        return in.stream().flatMap(l -> rows.stream().filter(r -> l.code().equals(r.bankCode()))
                .map(r -> new BankTotal(l, r.payments(), new Money(r.amount())))).toList();
    }

    /** Writes one bank's file of the run in its layout (nothing is checked here: the caller releases it). */
    void write(PayrollRun run, BankLayout layout, OutputStream out) throws IOException {
        String memo = run.month() + " 社保待遇";
        List<BankLayout.Payment> payments = jdbc.sql("""
                SELECT id, bank_account, account_name, amount FROM payroll_payment
                 WHERE run_id = :run AND region_code = :r AND bank_code = :b ORDER BY id""")
                .param("run", run.id()).param("r", run.regionCode()).param("b", layout.code())
                .query((rs, i) -> new BankLayout.Payment(rs.getLong("id"), rs.getString("bank_account"),
                        rs.getString("account_name"), new Money(rs.getBigDecimal("amount")), memo)).list();
        layout.write(payments, out);
    }
}
