package org.shebao.casework;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.util.Matrix;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A sealed PDF document (issue 16, N-3c): the title and lines in the embedded CJK font, the agency's seal drawn in
 * red, the QR code of the verification address with the code under it, and a PDF signature over the whole file
 * (PAdES baseline, {@link PadesSigner}) with the agency's key. The file is built first, then signed as an
 * incremental update, as a reader expects.
 */
@Component
@RequiredArgsConstructor
class SealedPdf {
    /** What a document says. */
    record Content(String title, List<String> lines, String agency, String code, String verifyUrl) {
    }

    private static final float MARGIN = 64;
    private static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);

    private final DocumentFont font;
    private final SealKeystore seal;
    private final Clock clock;

    byte[] render(Content c) {
        return sign(layout(c), c);
    }

    /** The lowest line on a page that continues on the next, and on the last page (above the seal and QR code). */
    private static final float BOTTOM = 90;
    private static final float BOTTOM_LAST = 270;
    private static final float LINE = 20;
    /** Lines that go with the seal onto a page of their own when the seal does not fit beneath the text. */
    private static final int KEPT_WITH_SEAL = 3;
    private static final float ROW = 17;

    /**
     * One printed line: a line of text (wrapped to the width), or a table row (a line whose cells are separated by
     * tabs: each cell in its column, the first left, the others right-aligned).
     */
    private record Printed(String text, List<String> cells) {
        float height() {
            return cells == null ? LINE : ROW;
        }
    }

    private byte[] layout(Content c) {
        try (PDDocument doc = new PDDocument(); DocumentFont.Loaded loaded = font.load(doc)) {
            PDFont f = loaded.font();
            float width = PDRectangle.A4.getWidth();
            float top = PDRectangle.A4.getHeight() - MARGIN;
            List<List<Printed>> pages = paginate(printed(f, c.lines(), width - 2 * MARGIN), top - 70);
            for (int n = 0; n < pages.size(); n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                boolean last = n == pages.size() - 1;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    centred(cs, f, n == 0 ? 20 : 12, n == 0 ? c.title() : c.title() + "（续）", width / 2,
                            n == 0 ? top - 20 : top);
                    float y = top - (n == 0 ? 70 : 40);
                    for (Printed p : pages.get(n)) {
                        if (p.cells() == null) {
                            text(cs, f, 12, p.text(), MARGIN, y);
                        } else {
                            row(cs, f, p.cells(), width - 2 * MARGIN, y);
                        }
                        y -= p.height();
                    }
                    if (pages.size() > 1) {
                        centred(cs, f, 8, "第 " + (n + 1) + " 页 共 " + pages.size() + " 页　核验码：" + c.code(),
                                width / 2, 40);
                    }
                    if (last) {
                        drawSeal(cs, f, c.agency(), width - MARGIN - 80, 190, 62);
                        text(cs, f, 11, c.agency(), width - MARGIN - 80 - f.getStringWidth(c.agency()) / 1000 * 11 / 2, 110);
                        drawQr(cs, c.verifyUrl(), MARGIN, 130, 100);
                        text(cs, f, 9, "核验码：" + c.code(), MARGIN, 118);
                        text(cs, f, 8, c.verifyUrl(), MARGIN, 104);
                        text(cs, f, 8, "本文件加盖电子印章，可扫描二维码或访问上述地址核验，与纸质件具有同等效力。", MARGIN, 70);
                    }
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(c.title());
            info.setSubject(c.code());
            info.setAuthor(c.agency());
            info.setCreationDate(now());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // objects outside object streams: the document's information (its code) stays readable in the file
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be built: " + e.getMessage(), e);
        }
    }

    private byte[] sign(byte[] unsigned, Content c) {
        try (PDDocument doc = Loader.loadPDF(unsigned)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(c.agency());
            signature.setReason("电子印章 " + c.code());
            signature.setSignDate(now());
            doc.addSignature(signature, new PadesSigner(seal.privateKey(), seal.chain()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be signed: " + e.getMessage(), e);
        }
    }

    private Calendar now() {
        return GregorianCalendar.from(ZonedDateTime.now(clock));
    }

    private static void text(PDPageContentStream cs, PDFont f, float size, String s, float x, float y) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static void centred(PDPageContentStream cs, PDFont f, float size, String s, float cx, float y)
            throws IOException {
        text(cs, f, size, s, cx - f.getStringWidth(s) / 1000 * size / 2, y);
    }

    /** The line cut to the width, character by character (Chinese text has no spaces to break at). */
    static List<String> wrap(PDFont f, float size, String line, float maxWidth) throws IOException {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (current.length() > 0 && f.getStringWidth(current + ch) / 1000 * size > maxWidth) {
                parts.add(current.toString());
                current.setLength(0);
            }
            current.append(ch);
            i += Character.charCount(cp);
        }
        parts.add(current.toString());
        return parts;
    }

    /** The document's lines as printed: text wrapped to the width, tab-separated lines as table rows. */
    private static List<Printed> printed(PDFont f, List<String> lines, float width) throws IOException {
        List<Printed> out = new ArrayList<>();
        for (String line : lines) {
            if (line.indexOf('\t') >= 0) {
                out.add(new Printed(null, List.of(line.split("\t", -1))));
            } else {
                for (String part : wrap(f, 12, line, width)) {
                    out.add(new Printed(part, null));
                }
            }
        }
        return out;
    }

    /**
     * The printed lines cut into pages: each page down to {@link #BOTTOM}, the last one only down to
     * {@link #BOTTOM_LAST}, so that the seal and the QR code stand beneath its text.
     */
    static <T> List<List<T>> paginate(List<T> lines, java.util.function.ToDoubleFunction<T> height, float first,
                                      float next) {
        List<List<T>> pages = new ArrayList<>();
        int i = 0;
        float start = first;
        while (true) {
            float room = start - BOTTOM;
            float roomLast = start - BOTTOM_LAST;
            float used = 0;
            int fit = i;
            while (fit < lines.size() && used + height.applyAsDouble(lines.get(fit)) <= room + 0.01) {
                used += (float) height.applyAsDouble(lines.get(fit));
                fit++;
            }
            if (fit == lines.size()) {
                // the rest fits on this page: it is the last one if the seal fits beneath, else it leaves lines over
                float rest = 0;
                for (int k = i; k < lines.size(); k++) {
                    rest += (float) height.applyAsDouble(lines.get(k));
                }
                if (rest <= roomLast + 0.01) {
                    pages.add(new ArrayList<>(lines.subList(i, lines.size())));
                    return pages;
                }
                // this page as full as it goes, the last few lines go with the seal onto a last page
                fit = Math.max(i + 1, lines.size() - KEPT_WITH_SEAL);
            }
            pages.add(new ArrayList<>(lines.subList(i, fit)));
            i = fit;
            start = next;
        }
    }

    private List<List<Printed>> paginate(List<Printed> lines, float first) {
        return paginate(lines, Printed::height, first, PDRectangle.A4.getHeight() - MARGIN - 40);
    }

    /** A table row: the width cut into equal columns, the first cell left-aligned, the others right-aligned. */
    private static void row(PDPageContentStream cs, PDFont f, List<String> cells, float width, float y)
            throws IOException {
        float size = 10;
        float col = width / cells.size();
        for (int k = 0; k < cells.size(); k++) {
            String cell = cells.get(k);
            float w = f.getStringWidth(cell) / 1000 * size;
            float x = k == 0 ? MARGIN : MARGIN + col * (k + 1) - w - 4;
            text(cs, f, size, cell, x, y);
        }
    }

    /** The round seal: a red ring, the agency's name along its upper arc, a star, the seal's use beneath. */
    private static void drawSeal(PDPageContentStream cs, PDFont f, String agency, float cx, float cy, float r)
            throws IOException {
        cs.saveGraphicsState();
        cs.setStrokingColor(SEAL_RED);
        cs.setNonStrokingColor(SEAL_RED);
        cs.setLineWidth(3.5f);
        circle(cs, cx, cy, r);
        cs.stroke();
        star(cs, cx, cy, r * 0.28f);
        cs.fill();
        float size = Math.min(14, 260f / Math.max(1, agency.length()));
        int n = agency.codePointCount(0, agency.length());
        double start = Math.toRadians(210);
        double span = Math.toRadians(240);
        float rr = r - 8 - size;
        int i = 0;
        for (int k = 0; k < agency.length(); ) {
            int cp = agency.codePointAt(k);
            String ch = new String(Character.toChars(cp));
            double a = n == 1 ? Math.PI / 2 : start - span * i / (n - 1);
            double theta = a - Math.PI / 2;
            float w = f.getStringWidth(ch) / 1000 * size;
            float x = (float) (cx + rr * Math.cos(a) - w / 2 * Math.cos(theta));
            float y = (float) (cy + rr * Math.sin(a) - w / 2 * Math.sin(theta));
            cs.beginText();
            cs.setFont(f, size);
            cs.setTextMatrix(Matrix.getRotateInstance(theta, x, y));
            cs.showText(ch);
            cs.endText();
            k += Character.charCount(cp);
            i++;
        }
        centred(cs, f, 11, "电子印章", cx, cy - r * 0.62f);
        cs.restoreGraphicsState();
    }

    private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    private static void star(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            float rad = i % 2 == 0 ? r : r * 0.382f;
            float x = (float) (cx + rad * Math.cos(a));
            float y = (float) (cy + rad * Math.sin(a));
            if (i == 0) {
                cs.moveTo(x, y);
            } else {
                cs.lineTo(x, y);
            }
        }
        cs.closePath();
    }

    /** The QR code drawn as squares (vector: sharp at any zoom, nothing to decode into an image). */
    private static void drawQr(PDPageContentStream cs, String text, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for " + text, e);
        }
        float cell = size / m.getWidth();
        cs.saveGraphicsState();
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    cs.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        cs.fill();
        cs.restoreGraphicsState();
    }
}
