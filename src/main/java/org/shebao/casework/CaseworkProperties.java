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
 * @param documents {@code shebao.documents.*}: the sealed PDF documents (issue 16)
 */
@ConfigurationProperties("shebao")
public record CaseworkProperties(@DefaultValue Casework casework, @DefaultValue Seal seal,
                                 @DefaultValue Documents documents) {

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

    /**
     * @param font      {@code SHEBAO_DOCUMENTS_FONT}: a CJK font file with TrueType outlines (.ttf, or a .ttc
     *                  collection) embedded in every PDF as a subset; empty: the first of the usual system places
     *                  that exists ({@link DocumentFont#CANDIDATES})
     * @param fontName  in a collection, the font's PostScript name; empty: the collection's first font
     * @param publicUrl {@code SHEBAO_PUBLIC_URL}: the address a verifier reaches the platform at, printed in the
     *                  QR code and under it ({@code <publicUrl>/verify/<code>})
     */
    public record Documents(@DefaultValue("") String font, @DefaultValue("") String fontName,
                            @DefaultValue("http://localhost:8080") String publicUrl) {
    }
}
