package org.shebao.payroll;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payroll's settings, in one place (README 「Configuration」; {@code shebao.payroll.*}).
 *
 * @param chunkOrders   standing orders per chunk: each chunk's lines, suspensions and progress are one transaction
 * @param staleSeconds  how long a run's heartbeat may be silent before another instance takes the run over
 * @param resumeDelayMs after the start, when this instance first looks for abandoned runs to resume
 * @param resumeEveryMs how often it looks again
 * @param bench         benchmark only ({@code bench/payroll.sh}; short form {@code --payroll.bench=N}): generate N
 *                      standing orders in Fuzhou and time a run over them against a raw COPY; 0: off
 * @param crash         benchmark only ({@code bench/payroll-crash.sh}; {@code --payroll.crash=N}): generate N orders,
 *                      stop the JVM dead after two chunks of a run; 0: off
 * @param crashResume   benchmark only ({@code --payroll.crash-resume=true}): wait for the resumer to finish the run
 *                      the crash left, compare it with an uninterrupted one and exit
 */
@ConfigurationProperties("shebao.payroll")
public record PayrollProperties(@DefaultValue("100000") int chunkOrders, @DefaultValue("60") long staleSeconds,
                                @DefaultValue("15000") long resumeDelayMs, @DefaultValue("30000") long resumeEveryMs,
                                @DefaultValue("0") long bench, @DefaultValue("0") long crash,
                                @DefaultValue("false") boolean crashResume) {

    /** The defaults, as a platform without any payroll setting has them (e.g. where a scenario replays the payroll). */
    public static PayrollProperties defaults() {
        return new PayrollProperties(100_000, 60, 15_000, 30_000, 0, 0, false);
    }

    /** The same settings with another chunk size (e.g. a second instance in a test). */
    public PayrollProperties withChunkOrders(int orders) {
        return new PayrollProperties(orders, staleSeconds, resumeDelayMs, resumeEveryMs, bench, crash, crashResume);
    }
}
