package org.shebao.workinjury;

import java.util.List;
import org.shebao.policy.Emergency;
import org.shebao.registry.Persons;
import org.shebao.settlement.WorklistCandidate;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement worklist (issue 15, item 1): work-injury recognitions handled in the green channel (N-4, SX-4, FJ-4:
 * medical workers, and in Fujian employees sent to an epidemic area, infected at work) applied for during this
 * emergency: each checked afterwards against its materials and, where the fund paid, the award.
 */
@Component
class GreenChannelInjuries extends RecognitionWorklist {
    private final WorkInjuryStore store;

    GreenChannelInjuries(JdbcClient jdbc, Persons persons, WorkInjuryStore store) {
        super(jdbc, persons, "GREEN_CHANNEL_INJURY", "N-4", "SX-4", "FJ-4");
        this.store = store;
    }

    @Override
    public List<WorklistCandidate> candidates(Emergency emergency) {
        return store.recognitionsIn(emergency.region().scopePrefix(), MAX).stream()
                .filter(Recognition::greenChannel)
                .filter(r -> !r.appliedOn().isBefore(emergency.declaredOn())
                        && !r.appliedOn().isAfter(emergency.liftedOn()))
                .map(r -> candidate(r, r.description()))
                .toList();
    }
}
