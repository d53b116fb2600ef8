package org.shebao.policy;

import java.time.LocalDate;
import java.util.List;
import org.shebao.common.RegionCode;
import org.springframework.stereotype.Service;

/**
 * The measures catalog: “is measure M in force for region R on day D?”, answered with the clauses that decide it
 * and the emergency it rests on. Rules ask this instead of testing dates themselves.
 */
@Service
public class Measures {
    private final PolicyBook book;
    private final Emergencies emergencies;

    Measures(PolicyBook book, Emergencies emergencies) {
        this.book = book;
        this.emergencies = emergencies;
    }

    public MeasureStatus status(String code, RegionCode region, LocalDate on) {
        return book.measure(code, region, on, emergencies.all());
    }

    public boolean inForce(String code, RegionCode region, LocalDate on) {
        return status(code, region, on).inForce();
    }

    /** Every measure of the catalog that applies to the region, with its status on the day. */
    public List<MeasureStatus> all(RegionCode region, LocalDate on) {
        List<Emergency> all = emergencies.all();
        return book.measures().stream().map(m -> book.measure(m.code(), region, on, all))
                .filter(s -> !s.clauses().isEmpty()).toList();
    }

    public List<Measure> catalog() {
        return book.measures();
    }
}
