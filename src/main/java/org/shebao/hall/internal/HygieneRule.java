package org.shebao.hall.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.shebao.policy.Implements;

/**
 * The hall hygiene ledger (N-2, FJ-2, SX-5): each daily check (ventilation, disinfection of the counters and of the
 * self-service machines, masks on staff) is due by the times its parameter names; one done is DONE, one not done once
 * its time has passed on a day gone by or today is OVERDUE, else it is still DUE. Pure: the time now is an argument.
 */
@Implements(measure = "HALL_HYGIENE_LEDGER", rule = "大厅消毒通风台账：每日通风、窗口和自助终端消毒、工作人员戴口罩按时完成并记录人和时间，逾时未完成即标为逾期",
        ruleEn = "Hall hygiene ledger: ventilation, disinfection of counters and machines, masks on staff done by their times with who and when; overdue once late")
public final class HygieneRule {
    /** The clauses this rule rests on. */
    public static final List<String> CLAUSES = List.of("N-2", "FJ-2", "SX-5");

    private HygieneRule() {
    }

    /** What became of a check due at a time: DONE, or OVERDUE once its time has passed, else still DUE. */
    public static Status status(LocalDateTime due, boolean done, LocalDateTime now) {
        if (done) {
            return Status.DONE;
        }
        return now.isAfter(due) ? Status.OVERDUE : Status.DUE;
    }

    /** Times HH:mm separated by commas → the times, sorted; a malformed value is an error of the parameter file. */
    public static List<LocalTime> parseTimes(String value) {
        try {
            return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(LocalTime::parse)
                    .sorted().distinct().toList();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("a hygiene check's due times are HH:mm,HH:mm…: " + value, e);
        }
    }

    public enum Status { DONE, OVERDUE, DUE }
}
