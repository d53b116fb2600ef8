package org.shebao.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by EmbeddedDatabaseRestartIT: starts PostgreSQL on a data directory as the platform does,
 * says so, and waits to be killed with SIGKILL, which leaves the server running with nobody to stop it.
 */
public final class OrphanMaker {
    private OrphanMaker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .start();
        System.out.println("ready " + pg.getPort());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
