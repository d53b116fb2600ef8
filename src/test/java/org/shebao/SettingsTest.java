package org.shebao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.casework.CaseworkProperties;
import org.shebao.demo.DemoProperties;
import org.shebao.identity.SecurityProperties;
import org.shebao.payroll.PayrollProperties;
import org.shebao.platform.PlatformProperties;
import org.shebao.policy.PolicyProperties;
import org.shebao.registry.RegistryProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The modules' settings records bound as the platform binds them: from application.yml, environment variables and
 * command-line arguments. The documented names (README 「Configuration」, bench/*.sh) reach the records.
 */
@DisplayName("Settings: one record per module, bound from application.yml, the documented SHEBAO_* variables and the "
        + "benchmarks' short command-line forms")
class SettingsTest {

    private static Binder binder(Map<String, Object> environmentVariables, String... args) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        MutablePropertySources sources = env.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        sources.addFirst(new SimpleCommandLinePropertySource(args));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        ConfigurationPropertySources.attach(env);
        return Binder.get(env);
    }

    private static <T> T bind(Binder binder, String prefix, Class<T> type) {
        return binder.bindOrCreate(prefix, type);
    }

    @Test
    @DisplayName("with nothing set, every record has its documented defaults (the demo on, keys under ./data)")
    void defaults() throws IOException {
        Binder b = binder(Map.of());
        PlatformProperties platform = bind(b, "shebao", PlatformProperties.class);
        assertThat(platform.demo().enabled()).isTrue();
        assertThat(platform.events().retryOlderThan()).isEqualTo(Duration.ofMinutes(5));
        assertThat(platform.events().retryEvery()).isEqualTo(Duration.ofMinutes(5));
        assertThat(platform.clock().fixed()).isEmpty();
        assertThat(platform.db().embedded().dataDir()).isEqualTo("./data/pg");
        assertThat(platform.db().embedded().cleanDataDirectory()).isFalse();
        assertThat(platform.db().embedded().poolSize()).isEqualTo(20);
        assertThat(platform.db().owner().user()).isEmpty();
        assertThat(bind(b, "shebao", CaseworkProperties.class)).isEqualTo(new CaseworkProperties(
                new CaseworkProperties.Casework(5 * 1024 * 1024), new CaseworkProperties.Seal("./data/keys/seal.p12", ""),
                new CaseworkProperties.Documents("", "", "http://localhost:8080")));
        assertThat(bind(b, "shebao.personal-data", RegistryProperties.class))
                .isEqualTo(new RegistryProperties("", "./data/keys/personal-data.key"));
        assertThat(bind(b, "shebao.policy", PolicyProperties.class).parametersDir()).isEmpty();
        assertThat(bind(b, "shebao.payroll", PayrollProperties.class)).isEqualTo(PayrollProperties.defaults());
        assertThat(bind(b, "shebao.demo", DemoProperties.class))
                .isEqualTo(new DemoProperties(20200130, 6000, 75, 0, false, false));
        SecurityProperties security = bind(b, "shebao.security", SecurityProperties.class);
        assertThat(security.maxFailedLogins()).isEqualTo(5);
        assertThat(security.adminPassword()).isEmpty();
    }

    @Test
    @DisplayName("the SHEBAO_* environment variables of the README reach the records that use them")
    void environmentVariables() throws IOException {
        Binder b = binder(Map.of("SHEBAO_DEMO", "false", "SHEBAO_DATA_DIR", "/srv/shebao/pg",
                "SHEBAO_DB_OWNER_USER", "shebao", "SHEBAO_DB_OWNER_PASSWORD", "owner-secret",
                "SHEBAO_SEAL_KEYSTORE", "/srv/keys/seal.p12", "SHEBAO_SEAL_KEYSTORE_PASSWORD", "seal-secret",
                "SHEBAO_PERSONAL_DATA_KEY", "a2V5", "SHEBAO_PERSONAL_DATA_KEY_FILE", "/srv/keys/pd.key",
                "SHEBAO_ADMIN_PASSWORD", "Start#2026x"));
        PlatformProperties platform = bind(b, "shebao", PlatformProperties.class);
        assertThat(platform.demo().enabled()).isFalse();
        assertThat(platform.db().embedded().dataDir()).isEqualTo("/srv/shebao/pg");
        assertThat(platform.db().owner()).isEqualTo(new PlatformProperties.Owner("shebao", "owner-secret"));
        assertThat(bind(b, "shebao", CaseworkProperties.class).seal())
                .isEqualTo(new CaseworkProperties.Seal("/srv/keys/seal.p12", "seal-secret"));
        assertThat(bind(b, "shebao.personal-data", RegistryProperties.class))
                .isEqualTo(new RegistryProperties("a2V5", "/srv/keys/pd.key"));
        assertThat(bind(b, "shebao.security", SecurityProperties.class).adminPassword()).isEqualTo("Start#2026x");
        assertThat(bind(binder(Map.of("SHEBAO_DATA_DIR", "")), "shebao", PlatformProperties.class).db().embedded()
                .dataDir()).as("an empty SHEBAO_DATA_DIR: the default directory, not the working directory")
                .isEqualTo("./data/pg");
    }

    @Test
    @DisplayName("the benchmarks' arguments (bench/demo-load.sh, bench/payroll.sh, bench/payroll-crash.sh) and the "
            + "full property names reach the demo's and the payroll's records")
    void commandLine() throws IOException {
        Binder b = binder(Map.of(), "--demo.persons=200000", "--demo.bench=true", "--demo.exit=true",
                "--payroll.crash-resume=true", "--shebao.payroll.work-delay-ms=1000",
                "--shebao.payroll.work-every-ms=1000", "--shebao.payroll.workers=2",
                "--shebao.payroll.chunk-orders=50000", "--shebao.demo.enabled=false", "--shebao.demo.seed=7",
                "--shebao.clock.fixed=2020-03-15T09:00", "--shebao.casework.max-file-bytes=1024");
        assertThat(bind(b, "shebao.demo", DemoProperties.class))
                .isEqualTo(new DemoProperties(7, 6000, 75, 200000, true, true));
        assertThat(bind(b, "shebao.payroll", PayrollProperties.class))
                .isEqualTo(new PayrollProperties(50000, 2, 1000, 1000, 0, 0, true));
        PlatformProperties platform = bind(b, "shebao", PlatformProperties.class);
        assertThat(platform.demo().enabled()).isFalse();
        assertThat(platform.clock().fixed()).isEqualTo("2020-03-15T09:00");
        assertThat(bind(b, "shebao", CaseworkProperties.class).casework().maxFileBytes()).isEqualTo(1024);
        assertThat(bind(binder(Map.of(), "--payroll.bench=1000000"), "shebao.payroll", PayrollProperties.class).bench())
                .isEqualTo(1_000_000);
        assertThat(bind(binder(Map.of(), "--payroll.crash=200000"), "shebao.payroll", PayrollProperties.class).crash())
                .isEqualTo(200_000);
    }
}
