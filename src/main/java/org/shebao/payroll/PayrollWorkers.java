package org.shebao.payroll;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * This node's share of the payroll (issue 18, item 3): {@code shebao.payroll.workers} threads per running run take
 * chunks until none is left. Every node does this: a run started on one node is joined by the others at their next
 * look ({@code shebao.payroll.work-every-ms}), and a run a stopped node left is finished the same way. Nothing is
 * done twice because a chunk is taken under its row lock ({@link Payroll#execute(long)}); so this is not a job to run
 * on one node at a time, and it takes no job lock. A failed chunk (the database restarted, a connection lost) is
 * rolled back and taken again at the next look.
 */
@Component
public class PayrollWorkers implements SchedulingConfigurer, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(PayrollWorkers.class);
    private final Payroll payroll;
    private final PayrollProperties settings;
    private final ExecutorService threads;
    /** Threads of this node at work, per run. */
    private final Map<Long, AtomicInteger> busy = new ConcurrentHashMap<>();

    PayrollWorkers(Payroll payroll, PayrollProperties settings) {
        this.payroll = payroll;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "payroll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::look, Duration.ofMillis(settings.workEveryMs()),
                Duration.ofMillis(settings.workDelayMs())));
    }

    /** Puts this node's workers on every running run. */
    void look() {
        try {
            payroll.runningRuns().forEach(this::work);
        } catch (RuntimeException e) {
            log.warn("Payroll: could not look for running runs ({}); looking again in {} ms", e.getMessage(),
                    settings.workEveryMs());
        }
    }

    /** Puts this node's workers on a run (those not already on it); returns at once. */
    public void work(long runId) {
        AtomicInteger onRun = busy.computeIfAbsent(runId, id -> new AtomicInteger());
        while (true) {
            int now = onRun.get();
            if (now >= settings.workers()) {
                return;
            }
            if (onRun.compareAndSet(now, now + 1)) {
                threads.execute(() -> {
                    try {
                        payroll.execute(runId);
                    } catch (RuntimeException e) {
                        log.warn("Payroll run {}: a chunk failed and was rolled back ({}); it is taken again in {} ms",
                                runId, e.getMessage(), settings.workEveryMs());
                    } finally {
                        onRun.decrementAndGet();
                    }
                });
            }
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
