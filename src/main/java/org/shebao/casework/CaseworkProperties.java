package org.shebao.casework;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The casework module's settings, in one place (README 「Configuration」): the electronic archive
 * ({@code shebao.casework.*}) and the electronic seal ({@code shebao.seal.*}), each under the key it always had.
 * Whether the platform runs as a demo is the platform's setting ({@link org.shebao.platform.PlatformProperties}).
 *
 * @param casework {@code shebao.casework.*}
 * @param seal     {@code shebao.seal.*}
 */
@ConfigurationProperties("shebao")
public record CaseworkProperties(@DefaultValue Casework casework, @DefaultValue Seal seal) {

    /**
     * @param maxFileBytes the largest file the archive accepts (5 MB); the servlet's multipart limit above it only
     *                     cuts off a request, this one answers with a clear message
     */
    public record Casework(@DefaultValue("5242880") int maxFileBytes) {
    }

    /**
     * @param keystore         {@code SHEBAO_SEAL_KEYSTORE}: the PKCS#12 keystore with the sealing key and its
     *                         certificate, created on the first start when the file does not exist
     * @param keystorePassword {@code SHEBAO_SEAL_KEYSTORE_PASSWORD}: its password; empty is allowed only in a demo
     *                         (the demo's password then, with a warning)
     */
    public record Seal(@DefaultValue("./data/keys/seal.p12") String keystore, @DefaultValue("") String keystorePassword) {
    }
}
