package org.shebao.workinjury;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.shebao.common.Money;
import org.shebao.registry.Persons;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.settlement.WorklistSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A settlement worklist whose items are recognized work injuries (issue 15, item 1): its kind and clauses, and each
 * item as the worklists show it: the injured person, the day, what the kind adds, the benefit case that paid it and
 * the one-time allowance the fund awarded (none where it did not).
 */
abstract class RecognitionWorklist implements WorklistSource {
    /** The most recognitions of a region read at once. */
    static final int MAX = 100_000;
    /** The longest label a worklist item keeps (settlement_item.label). */
    private static final int LABEL_MAX = 200;
    private final JdbcClient jdbc;
    private final Persons persons;
    private final String kind;
    private final List<String> clauses;

    RecognitionWorklist(JdbcClient jdbc, Persons persons, String kind, String... clauses) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.kind = kind;
        this.clauses = List.of(clauses);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<String> clauses() {
        return clauses;
    }

    /** The recognition as an item: its label is the person's name, {@code detail} and the injury's day. */
    WorklistCandidate candidate(Recognition r, String detail) {
        record Award(String caseReference, BigDecimal lumpSum) {
        }
        Optional<Award> award = jdbc.sql("""
                        SELECT case_reference, lump_sum FROM workinjury_award
                         WHERE recognition_id = :r AND region_code = :region ORDER BY approved_at LIMIT 1""")
                .param("r", r.id()).param("region", r.regionCode()).query(Award.class).optional();
        String label = persons.nameOf(r.personId()).orElse("") + " · " + (detail.isEmpty() ? "" : detail + " · ")
                + r.injuredOn();
        return new WorklistCandidate(r.regionCode(), "workinjury-recognition:" + r.id(),
                award.map(Award::caseReference).orElse(null),
                label.length() > LABEL_MAX ? label.substring(0, LABEL_MAX) : label,
                award.map(a -> new Money(a.lumpSum())).orElse(null));
    }
}
