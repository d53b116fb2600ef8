package org.shebao.casework;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.shebao.common.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The CJK font the sealed PDFs embed (issue 16). No font with Chinese glyphs is published on Maven Central in a form
 * PDFBox reads (the web-font packages are WOFF2 or split by Unicode range), so the platform uses a font of the
 * machine: the configured file ({@code SHEBAO_DOCUMENTS_FONT}), else the first of {@link #CANDIDATES} that exists.
 * It must have TrueType outlines: PDFBox embeds a subset of those only, so the CFF-based Noto Sans CJK / Source Han
 * Sans collections cannot be used. Where none is found, issuing a document fails with {@link MissingFontException}:
 * the user reads that the document cannot be issued now, the log what to install; the rest of the platform runs.
 */
@Component
class DocumentFont {
    private static final Logger log = LoggerFactory.getLogger(DocumentFont.class);

    /** Where Debian's (and other systems') CJK fonts with TrueType outlines are, the first that exists is used. */
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
            "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/Supplemental/Songti.ttc");

    /**
     * No usable CJK font: the screen says the document cannot be issued (409, nothing written); the log says what to
     * install or set ({@link #detail()}).
     */
    public static class MissingFontException extends ConflictException {
        private final String detail;

        MissingFontException(String detail) {
            super("document", "error.document.noFont");
            this.detail = detail;
            log.error(detail);
        }

        public String detail() {
            return detail;
        }

        @Override
        public String getMessage() {
            return detail;
        }
    }

    private final String configured;
    private final String fontName;
    private final Optional<Path> file;

    @Autowired
    DocumentFont(CaseworkProperties settings) {
        this(settings.documents().font(), settings.documents().fontName());
    }

    /** With the settings' values themselves (unit tests). */
    DocumentFont(String configured, String fontName) {
        this.configured = configured;
        this.fontName = fontName;
        this.file = locate(configured);
        if (file.isEmpty()) {
            log.warn(problem());
        }
    }

    /** The font file in use, if any. */
    Optional<Path> file() {
        return file;
    }

    private static Optional<Path> locate(String configured) {
        if (StringUtils.hasText(configured)) {
            Path p = Path.of(configured);
            return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    private String problem() {
        if (StringUtils.hasText(configured)) {
            return "The documents' font SHEBAO_DOCUMENTS_FONT=" + configured + " cannot be read: sealed PDF documents "
                    + "cannot be issued until it names a CJK font file with TrueType outlines (.ttf or .ttc).";
        }
        return "No CJK font with TrueType outlines found (looked in " + String.join(", ", CANDIDATES) + "): sealed PDF "
                + "documents cannot be issued. Install one (Debian: apt-get install fonts-wqy-microhei) or set "
                + "SHEBAO_DOCUMENTS_FONT to such a .ttf/.ttc file.";
    }

    /** The font loaded for one document; the file stays open until the document is saved (the subset is cut then). */
    record Loaded(PDType0Font font, Closeable source) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /**
     * The font, loaded into the document as a subset (only the glyphs the document uses are embedded). The font file
     * is parsed for each document: fontbox's font objects are not meant to be shared between threads.
     */
    Loaded load(PDDocument doc) {
        Path path = file.orElseThrow(() -> new MissingFontException(problem()));
        Closeable source = null;
        try {
            TrueTypeFont ttf;
            if (path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection ttc = new TrueTypeCollection(new File(path.toString()));
                source = ttc;
                ttf = fromCollection(ttc, path);
            } else {
                ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
                source = ttf;
            }
            if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
                throw new MissingFontException("The documents' font " + path + " has CFF (PostScript) outlines, which "
                        + "PDFBox cannot embed as a subset: use a font with TrueType outlines (e.g. fonts-wqy-microhei).");
            }
            Loaded loaded = new Loaded(PDType0Font.load(doc, ttf, true), source);
            source = null;
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("the documents' font " + path + " cannot be read: " + e.getMessage(), e);
        } finally {
            closeQuietly(source);
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                log.debug("closing the font file: {}", e.getMessage());
            }
        }
    }

    private TrueTypeFont fromCollection(TrueTypeCollection ttc, Path path) throws IOException {
        if (StringUtils.hasText(fontName)) {
            TrueTypeFont f = ttc.getFontByName(fontName);
            if (f == null) {
                throw new MissingFontException("The font collection " + path + " holds no font named "
                        + fontName + " (SHEBAO_DOCUMENTS_FONT_NAME).");
            }
            return f;
        }
        TrueTypeFont[] first = new TrueTypeFont[1];
        ttc.processAllFonts(f -> {
            if (first[0] == null) {
                first[0] = f;
            }
        });
        return first[0];
    }
}
