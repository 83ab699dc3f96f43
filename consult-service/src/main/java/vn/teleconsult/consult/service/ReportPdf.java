package vn.teleconsult.consult.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a consult report as an A4 PDF with PDFBox, with the DejaVu Sans font embedded (subset) so that Vietnamese
 * diacritics print correctly on any reader.
 */
public final class ReportPdf {

    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 14.5f;

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream out;
    private float y;

    private ReportPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font(doc, "/fonts/DejaVuSans.ttf");
        this.bold = font(doc, "/fonts/DejaVuSans-Bold.ttf");
    }

    public static byte[] render(ReportDocument r) {
        try (var doc = new PDDocument()) {
            var info = new PDDocumentInformation();
            info.setTitle("Biên bản hội chẩn " + r.consultId());
            info.setCreator("TeleConsult");
            doc.setDocumentInformation(info);
            new ReportPdf(doc).write(r);
            var bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(ReportDocument r) throws IOException {
        newPage();
        line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 11);
        line("Độc lập - Tự do - Hạnh phúc", regular, SIZE);
        y -= LEADING;
        line("BIÊN BẢN HỘI CHẨN", bold, 15);
        line("(Hội chẩn từ xa — mã ca " + r.consultId() + ")", regular, SIZE);
        y -= LEADING / 2;
        section("Thời gian", r.time());
        section("Địa điểm", r.place());
        list("Thành phần tham gia", r.participants());
        list("Thông tin người bệnh", r.patient());
        section("Tóm tắt bệnh án", r.clinicalSummary());
        section("Câu hỏi hội chẩn", r.question());
        section("Kết quả thăm khám, đọc hình ảnh (nhận định)", r.findings());
        section("Đánh giá", r.assessment());
        section("Kết luận", r.conclusions());
        section("Hướng điều trị, đề nghị", r.recommendations());
        section("Ghi chú", r.freeText());
        section("Người ký", r.signedBy() + (r.signedAt() == null ? "" : " — " + r.signedAt()));
        if (!r.addenda().isEmpty()) {
            list("Bổ sung sau khi ký", r.addenda());
        }
        out.close();
    }

    private void section(String title, String text) throws IOException {
        if (text == null || text.isBlank()) {
            return;
        }
        y -= LEADING / 3;
        line(title, bold, SIZE);
        for (String paragraph : text.split("\\R")) {
            wrap(paragraph, regular, SIZE);
        }
    }

    private void list(String title, List<String> items) throws IOException {
        y -= LEADING / 3;
        line(title, bold, SIZE);
        for (String item : items) {
            wrap("• " + item, regular, SIZE);
        }
    }

    private void wrap(String text, PDFont font, float size) throws IOException {
        String clean = printable(font, text);
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        var current = new StringBuilder();
        for (String word : clean.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                line(current.toString(), font, size);
                current.setLength(0);
                current.append(word);
            } else {
                current.setLength(0);
                current.append(candidate);
            }
            // a single word longer than the line: cut it
            while (font.getStringWidth(current.toString()) / 1000 * size > width && current.length() > 1) {
                int cut = current.length() - 1;
                while (cut > 1 && font.getStringWidth(current.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                line(current.substring(0, cut), font, size);
                current.delete(0, cut);
            }
        }
        line(current.toString(), font, size);
    }

    private void line(String text, PDFont font, float size) throws IOException {
        if (y < MARGIN + LEADING) {
            out.close();
            newPage();
        }
        y -= size > SIZE ? size + 4 : LEADING;
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(printable(font, text));
        out.endText();
    }

    private void newPage() throws IOException {
        var page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** NFC (Vietnamese precomposed letters), no control characters, and '?' for what the font cannot show. */
    static String printable(PDFont font, String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\t', ' ')
                .replaceAll("\\p{Cntrl}", "");
        try {
            font.encode(nfc);
            return nfc;
        } catch (IllegalArgumentException | IOException e) {
            var kept = new StringBuilder();
            nfc.codePoints().forEach(cp -> {
                String s = new String(Character.toChars(cp));
                try {
                    font.encode(s);
                    kept.append(s);
                } catch (IllegalArgumentException | IOException missing) {
                    kept.append('?');
                }
            });
            return kept.toString();
        }
    }

    private static PDFont font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the application");
            }
            return PDType0Font.load(doc, in, true);
        }
    }
}
