package org.shebao.casework;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases waiting per status, for operations (shebao_cases_waiting{status=…}). */
@Component
@RequiredArgsConstructor
class CaseMetrics implements MeterBinder {
    private final JdbcClient jdbc;

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CaseStatus s : CaseStatus.values()) {
            if (s.isOpen()) {
                Gauge.builder("shebao.cases.waiting", () -> jdbc.sql("SELECT count(*) FROM casework_case WHERE status = :s")
                        .param("s", s.name()).query(Long.class).single()).tag("status", s.name()).register(registry);
            }
        }
    }
}
