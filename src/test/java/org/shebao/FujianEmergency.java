package org.shebao;

import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergency;
import org.springframework.stereotype.Component;

/**
 * Fujian's emergency as the demo has it (declared 2020-01-24, level-1 end and lifted date pending), its lifted date
 * entered by the province's administrator (fj.admin) for a test, and withdrawn again after it, so that the tests that
 * follow find it pending as the demo left it.
 */
@Component
@RequiredArgsConstructor
public class FujianEmergency {
    private final Emergencies emergencies;
    private final TestUsers users;

    public Emergency get() {
        return emergencies.all().stream().filter(e -> e.region().value().equals("350000")).findFirst().orElseThrow();
    }

    /** fj.admin enters (or corrects, with a reason) the lifted date. */
    public Emergencies.DatesEntered lift(LocalDate liftedOn) {
        Emergency e = get();
        return emergencies.enterDates(users.get("fj.admin"), e.id(), e.version(), new Emergencies.DateEntry("",
                liftedOn.toString(), e.liftedOn() == null ? "" : "测试：更正疫情解除日期", false, false));
    }

    /** fj.admin withdraws the lifted date (with a reason): every item counting from it is pending again. */
    public void restore() {
        Emergency e = get();
        if (e.liftedOn() != null) {
            emergencies.enterDates(users.get("fj.admin"), e.id(), e.version(),
                    new Emergencies.DateEntry("", "", "测试结束：撤销录入", false, true));
        }
    }
}
