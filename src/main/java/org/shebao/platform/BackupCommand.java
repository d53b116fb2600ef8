package org.shebao.platform;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code bin/backup FILE} and {@code bin/restore FILE}: the platform starts on its database (embedded or external),
 * writes or reads the backup ({@link Backups}), prints what it did and stops (exit 0; 1 when it failed, nothing
 * changed).
 */
@Component
@Order(0)
@RequiredArgsConstructor
class BackupCommand implements ApplicationRunner {
    private final DataSource dataSource;
    private final DatabaseOwner owner;
    private final ApplicationContext context;

    @Override
    public void run(ApplicationArguments args) {
        String to = args.containsOption("backup.to") ? args.getOptionValues("backup.to").get(0) : null;
        String from = args.containsOption("restore.from") ? args.getOptionValues("restore.from").get(0) : null;
        if (to == null && from == null) {
            return;
        }
        int code = 0;
        try {
            if (to != null) {
                try (OutputStream out = Files.newOutputStream(Path.of(to))) {
                    Map<String, Long> counts = Backups.backup(dataSource, out);
                    System.out.println("backup written to " + to + ": " + Backups.describe(counts));
                }
            } else {
                try (InputStream in = Files.newInputStream(Path.of(from))) {
                    Map<String, Long> counts = Backups.restore(owner.dataSource(), in); // replaces rows of append-only tables: the owner
                    System.out.println("restored from " + from + ": " + Backups.describe(counts));
                }
            }
        } catch (Exception e) {
            System.out.println((to != null ? "backup" : "restore") + " failed, nothing changed: " + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
