package org.shebao.casework;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * poppler's {@code pdfsig}, the standard verifier the sealed PDFs are checked with (issue 16); a test using it is
 * skipped where it is not installed ({@code .ci/run} installs poppler-utils).
 */
public final class Pdfsig {
    private Pdfsig() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/pdfsig"));
    }

    /** pdfsig's report on the file's signatures; the test is skipped without pdfsig. */
    public static String report(byte[] pdf) throws IOException, InterruptedException {
        assumeTrue(installed(), "pdfsig (poppler-utils) is not installed");
        Path file = Files.createTempFile("sealed", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdfsig", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pdfsig did not finish");
            }
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The file with one byte of its signed content changed: a letter of the text (e.g. the code in /Subject). */
    public static byte[] tampered(byte[] pdf, String ascii) {
        byte[] copy = pdf.clone();
        byte[] needle = ascii.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + needle.length <= copy.length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = copy[i + j] == needle[j];
            }
            if (match) {
                int at = i + needle.length - 1;
                copy[at] = (byte) (copy[at] == 'X' ? 'Y' : 'X');
                return copy;
            }
        }
        throw new AssertionError(ascii + " is not in the PDF");
    }
}
