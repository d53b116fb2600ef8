package org.shebao.contribution;

import java.time.LocalDate;

import java.time.OffsetDateTime;
import java.util.List;
import org.shebao.common.Money;

/**
 * A declaration of wage bases (缴费基数申报) of one employer for one period, as stored: who declared it, when and
 * through which channel; the declaration it replaced, and when a later one superseded it (null while current); when
 * it was made late, the day its period fell due ({@code dueOn}, null when in time) and the clauses it was accepted
 * under (N-5a, empty when none). Its lines are read on demand ({@link Declarations#lines}).
 */
public record Declaration(long id, long employerId, String regionCode, DeclarationPeriod period,
                          DeclarationChannel channel, String fileName, int lineCount, String declaredBy,
                          OffsetDateTime declaredAt, Long replaces, OffsetDateTime supersededAt, LocalDate dueOn,
                          String flags) {

    /** Declared after the day its period fell due (N-5a: accepted all the same, flagged during an emergency). */
    public boolean late() {
        return dueOn != null;
    }

    public boolean flagged() {
        return flags != null && !flags.isBlank();
    }

    public String[] flagList() {
        return flagged() ? flags.split(", ") : new String[0];
    }

    public boolean current() {
        return supersededAt == null;
    }

    /**
     * One employee's line: the base declared, the base used after clamping to [floor, ceiling] and why
     * ({@code clampReason}, the rule's own words, null when within).
     */
    public record Line(int lineNo, long personId, String personName, Money declaredBase, Money baseUsed,
                       BaseDecision.Outcome clamp, Money floor, Money ceiling, String clampReason) {

        public boolean clamped() {
            return clamp != BaseDecision.Outcome.WITHIN;
        }
    }

    /** What one accepted submission did: the declarations it created (one per period) and the bills recomputed. */
    public record Outcome(List<Declaration> declarations, int lines, List<java.time.YearMonth> billsRecomputed) {
    }
}
