package org.shebao.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's settings, in one place (README 「Configuration」): the key that ID numbers are encrypted with at rest
 * ({@code shebao.personal-data.*}; see {@link IdNumberCipher}).
 *
 * @param key     {@code SHEBAO_PERSONAL_DATA_KEY}: the 256-bit key, Base64; empty: the key file is used
 * @param keyFile {@code SHEBAO_PERSONAL_DATA_KEY_FILE}: the file with the key, created on the first start (owner-only)
 *                when neither exists. Keep it outside the database and back it up apart from it
 */
@ConfigurationProperties("shebao.personal-data")
public record RegistryProperties(@DefaultValue("") String key,
                                 @DefaultValue("./data/keys/personal-data.key") String keyFile) {
}
