package org.shebao.casework;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.shebao.ApiClient;

/** Sealed PDFs as the app downloads them (HTTP Basic, like {@link ApiClient}), their code and their text. */
public final class Downloads {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Downloads() {
    }

    /** A file over the API as the user. */
    public static HttpResponse<byte[]> api(int port, String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The document's code, from the file name it is downloaded under. */
    public static String code(HttpResponse<byte[]> r) {
        String d = r.headers().firstValue("Content-Disposition").orElseThrow();
        return d.substring(d.indexOf("CERT-"), d.indexOf(".pdf"));
    }

    /** The PDF's text as PDFBox extracts it. */
    public static String text(byte[] pdf) throws Exception {
        try (var d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }
}
