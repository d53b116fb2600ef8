package org.shebao.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before anything reads a person (issue 10, item 6): refuses a personal-data key other than the one the
 * database's ID numbers were encrypted with, and encrypts the numbers that an earlier version stored in clear, in
 * batches, emptying the clear column.
 */
@Component
@RequiredArgsConstructor
class IdNumbersAtRest implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(IdNumbersAtRest.class);
    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final IdNumberCipher ids;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Override
    public void afterPropertiesSet() {
        checkKey();
        long done = 0;
        int n;
        do {
            Integer batch = tx.execute(s -> encryptBatch());
            n = batch == null ? 0 : batch;
            done += n;
        } while (n == BATCH);
        if (done > 0) {
            log.info("{} ID numbers stored in clear by an earlier version are now encrypted", done);
        }
    }

    private void checkKey() {
        String mine = ids.keyCheck();
        jdbc.sql("INSERT INTO registry_key_check (id, digest, created_at) SELECT 1, :d, :now WHERE NOT EXISTS "
                        + "(SELECT 1 FROM registry_person WHERE id_cipher IS NOT NULL) ON CONFLICT (id) DO NOTHING")
                .param("d", mine).param("now", OffsetDateTime.now(clock)).update();
        String stored = jdbc.sql("SELECT digest FROM registry_key_check WHERE id = 1").query(String.class).optional()
                .orElse(null);
        if (!mine.equals(stored)) {
            throw new IllegalStateException("The personal-data key (" + ids.source() + ") is not the key the ID numbers "
                    + "in this database were encrypted with. Start with that key (SHEBAO_PERSONAL_DATA_KEY or "
                    + "SHEBAO_PERSONAL_DATA_KEY_FILE); nothing was changed.");
        }
    }

    private int encryptBatch() {
        List<ClearNumber> rows = jdbc.sql("SELECT id, id_number FROM registry_person WHERE id_number IS NOT NULL "
                        + "ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED").param("n", BATCH)
                .query(ClearNumber.class).list();
        for (ClearNumber r : rows) {
            String number = r.idNumber().strip();
            jdbc.sql("UPDATE registry_person SET id_cipher = :c, id_index = :i, id_number = NULL WHERE id = :id")
                    .param("c", ids.encrypt(number)).param("i", ids.index(number)).param("id", r.id()).update();
        }
        return rows.size();
    }

    /** A person whose ID number an earlier version stored in clear. */
    private record ClearNumber(long id, String idNumber) {
    }
}
