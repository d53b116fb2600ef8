package org.shebao.unemployment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The unemployment module's settings (README 「Configuration」; {@code shebao.unemployment.*}).
 *
 * @param reemploymentCheckEvery how often the registry is searched for re-employments of people paid unemployment
 *                               benefit (失业保险条例 第十五条), by one node at a time (job lock
 *                               {@code unemployment-reemployment}); default one hour
 */
@ConfigurationProperties("shebao.unemployment")
public record UnemploymentProperties(@DefaultValue("PT1H") Duration reemploymentCheckEvery) {
}
