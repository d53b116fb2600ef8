package org.shebao.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy module's settings, in one place (README 「Configuration」; {@code shebao.policy.*}).
 *
 * @param parametersDir a directory of the agency's own parameter files, loaded and checked with the shipped ones
 *                      (format: docs/parameters.md); empty: the shipped ones only
 */
@ConfigurationProperties("shebao.policy")
public record PolicyProperties(@DefaultValue("") String parametersDir) {
}
