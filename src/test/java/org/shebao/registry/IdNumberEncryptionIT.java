package org.shebao.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ApiClient.Response;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.List;

/** Issue 10, item 6: ID numbers encrypted at rest, found through the blind index. */
@ShebaoIntegrationTest
@DisplayName("ID numbers at rest: no clear number in the database, found by the blind index, a wrong key refused")
class IdNumberEncryptionIT {
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdNumberCipher ids;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    @Test
    @DisplayName("a registered number is nowhere in clear (person row, history, operation log), every stored number "
            + "decrypts, and a search by the whole number finds exactly that person and is logged")
    void noClearNumber() {
        String id = RegistryApiIT.freshIdNumber();
        Response r = api.post("fz.clerk", "/api/v1/persons", RegistryApiIT.person(id));
        assertThat(r.status()).isEqualTo(201);
        long personId = r.body().path("id").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM registry_person WHERE id_number IS NOT NULL").query(Long.class).single())
                .as("rows with a clear number").isZero();
        for (String table : List.of("registry_person", "registry_change", "audit_log")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " t WHERE row_to_json(t)::text LIKE :n")
                    .param("n", "%" + id.substring(6, 14) + "%").query(Long.class).single())
                    .as("the birth-date digits of the number in " + table).isZero();
        }
        assertThat(ids.decrypt(jdbc.sql("SELECT id_cipher FROM registry_person WHERE id = :p").param("p", personId)
                .query(byte[].class).single())).isEqualTo(id);
        long undecryptable = jdbc.sql("SELECT id_cipher FROM registry_person").query(byte[].class).list().stream()
                .filter(b -> !IdNumber.isValid(ids.decrypt(b))).count();
        assertThat(undecryptable).isZero();

        long searchesBefore = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ID_NUMBER_SEARCHED'")
                .query(Long.class).single();
        Response found = api.get("fz.clerk", "/api/v1/persons?q=" + id);
        assertThat(found.body().path("items").findValuesAsString("id")).containsExactly(String.valueOf(personId));
        assertThat(found.raw().body()).doesNotContain(id);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'ID_NUMBER_SEARCHED'").query(Long.class).single())
                .isEqualTo(searchesBefore + 1);
        assertThat(api.get("fz.clerk", "/api/v1/persons?q=" + id.substring(0, 10)).body().path("items").size())
                .as("a part of a number finds nobody: only whole numbers have an index").isZero();
        assertThat(api.post("fz.clerk", "/api/v1/persons", RegistryApiIT.person(id)).status())
                .as("the blind index keeps a number registered once").isEqualTo(409);
    }

    @Test
    @DisplayName("a number an earlier version stored in clear is encrypted at the next start and then found")
    void legacyRowEncrypted() {
        String id = RegistryApiIT.freshIdNumber();
        IdNumber parsed = IdNumber.parse(id);
        long personId = jdbc.sql("""
                INSERT INTO registry_person (id_number, name, gender, birth_date, phone, hukou_region, region_code,
                                             created_at, created_by, updated_at, updated_by)
                VALUES (:n, '旧版本', :g, :b, '13905910000', '350104', '350100', now(), 'test', now(), 'test') RETURNING id""")
                .param("n", id).param("g", parsed.gender().name()).param("b", parsed.birthDate()).query(Long.class).single();
        new IdNumbersAtRest(jdbc, ids, tx, clock).afterPropertiesSet();
        assertThat(jdbc.sql("SELECT id_number IS NULL AND id_cipher IS NOT NULL FROM registry_person WHERE id = :p")
                .param("p", personId).query(Boolean.class).single()).isTrue();
        Response found = api.get("fz.clerk", "/api/v1/persons?q=" + id);
        assertThat(found.body().path("items").findValuesAsString("id")).containsExactly(String.valueOf(personId));
    }

    @Test
    @DisplayName("a start with another key is refused, naming the settings, and changes nothing")
    void wrongKeyRefused() {
        String digest = jdbc.sql("SELECT digest FROM registry_key_check").query(String.class).single();
        IdNumberCipher other = new IdNumberCipher(Base64.getEncoder().encodeToString(new byte[32]), "");
        assertThatThrownBy(() -> new IdNumbersAtRest(jdbc, other, tx, clock).afterPropertiesSet())
                .hasMessageContaining("SHEBAO_PERSONAL_DATA_KEY_FILE").hasMessageContaining("nothing was changed");
        assertThat(jdbc.sql("SELECT digest FROM registry_key_check").query(String.class).single()).isEqualTo(digest);
    }
}
