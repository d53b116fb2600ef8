package org.shebao.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's settings, in one place (README 「Configuration」; {@code shebao.demo.*}). Whether the demo is on at all
 * ({@code shebao.demo.enabled}, {@code SHEBAO_DEMO}) is the platform's setting, read by several modules
 * ({@link org.shebao.platform.PlatformProperties.Demo}).
 *
 * @param seed             the generator's seed: the same seed, the same demo
 * @param basePersons      persons generated on the first start
 * @param employersPerCity employers generated per city on the first start
 * @param persons          benchmarks (short form {@code --demo.persons=N}): generate N more persons now, through COPY
 * @param exit             {@code --demo.exit=true}: stop the platform when that is done
 * @param bench            {@code --demo.bench=true}: time the load against a raw COPY of the same rows and print both
 */
@ConfigurationProperties("shebao.demo")
public record DemoProperties(@DefaultValue("20200130") long seed, @DefaultValue("6000") int basePersons,
                             @DefaultValue("75") int employersPerCity, @DefaultValue("0") long persons,
                             @DefaultValue("false") boolean exit, @DefaultValue("false") boolean bench) {
}
