package org.shebao.hall;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hall module's settings (README 「Configuration」; {@code shebao.hall.*}).
 *
 * @param incidentCheckEvery how often open incident reports are checked against their level's time limit (N-7,
 *                           FJ-7), by one node at a time (job lock {@code hall-incident-overdue}); default one minute
 */
@ConfigurationProperties("shebao.hall")
public record HallProperties(@DefaultValue("PT1M") Duration incidentCheckEvery) {
}
