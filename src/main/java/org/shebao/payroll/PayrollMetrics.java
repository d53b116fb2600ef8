package org.shebao.payroll;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Payroll runs in progress and how far they are, for operations (shebao_payroll_runs_running, _progress). */
@Component
@RequiredArgsConstructor
class PayrollMetrics implements MeterBinder {
    private final JdbcClient jdbc;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("shebao.payroll.runs.running", () -> jdbc.sql(
                "SELECT count(*) FROM payroll_run WHERE status = 'RUNNING'").query(Long.class).single()).register(registry);
        Gauge.builder("shebao.payroll.progress", () -> jdbc.sql("""
                SELECT COALESCE((SELECT sum(c.orders) FROM payroll_chunk c JOIN payroll_run r ON r.id = c.run_id
                                  WHERE r.status = 'RUNNING')::float / NULLIF(sum(orders_total), 0), 1)
                  FROM payroll_run WHERE status = 'RUNNING'""").query(Double.class).single())
                .description("share of orders done over all running runs").register(registry);
    }
}
