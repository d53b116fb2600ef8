package org.shebao.payroll;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payroll's settings, in one place (README 「Configuration」; {@code shebao.payroll.*}).
 *
 * @param chunkOrders standing orders per chunk: each chunk's lines, suspensions and "done" mark are one transaction,
 *                    and the unit that nodes share out (a node killed mid-chunk loses at most this much work)
 * @param workers     threads per node that take chunks of a run (each with its own database connection)
 * @param workDelayMs after the start, when this node first looks for runs to work on
 * @param workEveryMs how often it looks again: a run started on another node, or left by a stopped one, is joined
 *                    within this time
 * @param bench       benchmark only ({@code bench/payroll.sh}; short form {@code --payroll.bench=N}): generate N
 *                    standing orders in Fuzhou and time a run over them against a raw COPY; 0: off
 * @param crash       benchmark only ({@code bench/payroll-crash.sh}; {@code --payroll.crash=N}): generate N orders,
 *                    stop the JVM dead after two chunks of a run; 0: off
 * @param crashResume benchmark only ({@code --payroll.crash-resume=true}): wait for this node's workers to finish
 *                    the run the crash left, compare it with an uninterrupted one and exit
 */
@ConfigurationProperties("shebao.payroll")
public record PayrollProperties(@DefaultValue("50000") int chunkOrders, @DefaultValue("2") int workers,
                                @DefaultValue("15000") long workDelayMs, @DefaultValue("5000") long workEveryMs,
                                @DefaultValue("0") long bench, @DefaultValue("0") long crash,
                                @DefaultValue("false") boolean crashResume) {

    /** The defaults, as a platform without any payroll setting has them (e.g. where a scenario replays the payroll). */
    public static PayrollProperties defaults() {
        return new PayrollProperties(50_000, 2, 15_000, 5_000, 0, 0, false);
    }

    /** The same settings with another chunk size (e.g. a second instance in a test). */
    public PayrollProperties withChunkOrders(int orders) {
        return new PayrollProperties(orders, workers, workDelayMs, workEveryMs, bench, crash, crashResume);
    }
}
