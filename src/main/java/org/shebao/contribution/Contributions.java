package org.shebao.contribution;

import java.math.BigDecimal;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.shebao.common.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the rights record, and its bulk load. Callers check the user's access to the person first. */
@Service
public class Contributions {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    Contributions(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public RightsRecord rightsRecord(long personId) {
        return new RightsRecord(personId, jdbc.sql("""
                        SELECT year, region_code, employer_id, months, monthly_base, account_credit
                          FROM contribution_year WHERE person_id = :p ORDER BY year""")
                .param("p", personId)
                .query((rs, i) -> new ContributionYear(rs.getInt(1), rs.getString(2), (Long) rs.getObject(3),
                        rs.getInt(4), rs.getBigDecimal(5), rs.getBigDecimal(6))).list());
    }

    public record YearRow(long personId, int year, String regionCode, Long employerId, int months,
                          BigDecimal monthlyBase, BigDecimal accountCredit) {
    }

    public long copyYears(Consumer<Consumer<YearRow>> rows) {
        return PgCopy.copy(dataSource, "contribution_year",
                "person_id, year, region_code, employer_id, months, monthly_base, account_credit",
                w -> rows.accept(r -> {
                    w.col(r.personId()).col(r.year()).col(r.regionCode()).col(r.employerId()).col(r.months())
                            .col(r.monthlyBase().toPlainString()).col(r.accountCredit().toPlainString());
                    w.endRow();
                }));
    }

    public void analyze() {
        jdbc.sql("ANALYZE contribution_year").update();
    }
}
