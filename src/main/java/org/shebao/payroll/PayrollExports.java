package org.shebao.payroll;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What a run gives finance to read and send: its register (line by line from a cursor), its totals by kind and flag,
 * and the bank disbursement file of a completed run.
 */
@Service
@RequiredArgsConstructor
public class PayrollExports {
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Payroll payroll;

    /**
     * The run's payment lines (order, person, name, account, kind, amount, flags), handed one by one from a database
     * cursor in a read-only transaction: a register of a million lines is never held in memory.
     */
    public void register(long runId, Consumer<List<Object>> line) {
        TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(s -> {
            JdbcTemplate cursor = new JdbcTemplate(dataSource);
            cursor.setFetchSize(5_000);
            cursor.query("SELECT order_id, person_id, account_name, bank_account, kind, amount, flags FROM payroll_line"
                            + " WHERE run_id = ? ORDER BY order_id, kind",
                    (RowCallbackHandler) rs -> line.accept(List.<Object>of(
                            rs.getLong("order_id"), rs.getLong("person_id"), rs.getString("account_name"),
                            rs.getString("bank_account"), rs.getString("kind"), new Money(rs.getBigDecimal("amount")),
                            rs.getString("flags"))), runId);
        });
    }

    /** Totals of a run by kind and flag (finance's overview). */
    public List<PayrollTotal> totals(long runId) {
        return jdbc.sql("SELECT kind, flags, count(*) AS lines, sum(amount) AS amount FROM payroll_line WHERE run_id = :id"
                        + " GROUP BY kind, flags ORDER BY kind, flags")
                .param("id", runId)
                .query((rs, i) -> new PayrollTotal(LineKind.valueOf(rs.getString("kind")), rs.getString("flags"), rs.getLong("lines"),
                        new Money(rs.getBigDecimal("amount"))))
                .list();
    }

    /**
     * The bank disbursement file of an approved run (issue 15, item 3: nothing leaves for the bank unapproved): one CSV
     * line per account with its net amount.
     */
    public void bankFile(long runId, OutputStream out) throws IOException {
        PayrollRun run = payroll.run(runId).orElseThrow(() -> new NotFoundException("payroll run " + runId));
        if (!run.completed()) {
            throw new ConflictException("run", "error.payroll.notCompleted");
        }
        if (!run.approved()) {
            throw new ConflictException("run", "error.payroll.notApproved");
        }
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    COPY (SELECT bank_account, account_name, sum(amount) FROM payroll_line WHERE run_id = %d
                          GROUP BY bank_account, account_name HAVING sum(amount) > 0 ORDER BY bank_account)
                      TO STDOUT WITH (FORMAT csv, HEADER)""".formatted(runId), out);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
