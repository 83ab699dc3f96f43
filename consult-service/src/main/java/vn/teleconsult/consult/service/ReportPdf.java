package vn.teleconsult.consult.service;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Renders a consult report as an A4 PDF/A-3b with PDFBox: DejaVu Sans embedded (subset) so that Vietnamese
 * diacritics print on any reader, no ligatures (a case id "4ff0b4f1" must extract as typed), XMP metadata, an sRGB
 * output intent and a tagged structure (a heading or paragraph element per block of text).
 *
 * <p>Saved in full once; later changes (a signature, an attached FHIR DiagnosticReport) are incremental updates,
 * which PDF/A-3 allows.
 */
public final class ReportPdf {

    private static final String PRODUCER = "TeleConsult";

    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 14.5f;

    private final PDDocument doc;
    private final List<TrueTypeFont> fonts = new ArrayList<>();
    private final PDFont regular;
    private final PDFont bold;
    private final PDStructureElement root;
    /** Per page (its StructParents key): the structure element of each marked-content id, in order. */
    private final Map<Integer, COSArray> parentTree = new HashMap<>();

    private PDPageContentStream out;
    private PDPage page;
    private float y;
    private PDStructureElement block;

    private ReportPdf(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font("/fonts/DejaVuSans.ttf");
        this.bold = font("/fonts/DejaVuSans-Bold.ttf");
        var tree = new PDStructureTreeRoot();
        doc.getDocumentCatalog().setStructureTreeRoot(tree);
        this.root = new PDStructureElement("Document", tree);
        tree.appendKid(root);
    }

    public static byte[] render(ReportDocument r) {
        try (var doc = new PDDocument()) {
            doc.setVersion(1.7f);
            String title = "Biên bản hội chẩn " + r.consultId();
            Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var info = new PDDocumentInformation();
            info.setTitle(title);
            info.setCreator(PRODUCER);
            info.setProducer(PRODUCER);
            var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(created.toEpochMilli());
            info.setCreationDate(calendar);
            doc.setDocumentInformation(info);
            var pdf = new ReportPdf(doc);
            try {
                pdf.write(r);
                pdf.archival(title, created);
                var bytes = new ByteArrayOutputStream();
                doc.save(bytes);
                return bytes.toByteArray();
            } finally {
                for (TrueTypeFont font : pdf.fonts) {
                    font.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What PDF/A-3b asks beyond the content: XMP metadata matching the Info dictionary, an sRGB output intent. */
    private void archival(String title, Instant created) throws IOException {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("vi");
        var mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        var tree = catalog.getStructureTreeRoot();
        var numbers = new PDNumberTreeNode(COSArray.class);
        numbers.setNumbers(parentTree);
        tree.setParentTree(numbers);
        tree.setParentTreeNextKey(parentTree.size());

        var metadata = new PDMetadata(doc, new ByteArrayInputStream(xmp(title, created)));
        catalog.setMetadata(metadata);

        // the JDK's own sRGB profile: no profile file to ship
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        var intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static byte[] xmp(String title, Instant created) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atOffset(ZoneOffset.UTC));
        String xml = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title)
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:language><rdf:Bag><rdf:li>vi</rdf:li></rdf:Bag></dc:language>\n"
                + "   <pdf:Producer>" + PRODUCER + "</pdf:Producer>\n"
                + "   <xmp:CreatorTool>" + PRODUCER + "</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <pdfaid:part>3</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void write(ReportDocument r) throws IOException {
        newPage();
        block("P");
        line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 11);
        line("Độc lập - Tự do - Hạnh phúc", regular, SIZE);
        y -= LEADING;
        block("H1");
        line("BIÊN BẢN HỘI CHẨN", bold, 15);
        block("P");
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
        block("H2");
        line(title, bold, SIZE);
        for (String paragraph : text.split("\\R")) {
            block("P");
            wrap(paragraph, regular, SIZE);
        }
    }

    private void list(String title, List<String> items) throws IOException {
        y -= LEADING / 3;
        block("H2");
        line(title, bold, SIZE);
        for (String item : items) {
            block("P");
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
        COSArray marked = parentTree.get(page.getStructParents());
        int mcid = marked.size();
        marked.add(block);
        if (block.getPage() == null) {
            block.setPage(page);
        }
        if (block.getPage().getCOSObject() == page.getCOSObject()) {
            block.getCOSObject().getCOSArray(COSName.K).add(COSInteger.get(mcid));
        } else {
            // a paragraph that runs onto the next page: a marked-content reference names that page
            var reference = new COSDictionary();
            reference.setItem(COSName.TYPE, COSName.getPDFName("MCR"));
            reference.setItem(COSName.PG, page);
            reference.setInt(COSName.MCID, mcid);
            block.getCOSObject().getCOSArray(COSName.K).add(reference);
        }
        out.beginMarkedContent(COSName.getPDFName(block.getStandardStructureType()), mcid);
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(printable(font, text));
        out.endText();
        out.endMarkedContent();
    }

    /** Starts the structure element (H1, H2, P) that the next lines belong to. */
    private void block(String type) {
        block = new PDStructureElement(type, root);
        block.getCOSObject().setItem(COSName.K, new COSArray());
        root.appendKid(block);
    }

    private void newPage() throws IOException {
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        page.setStructParents(parentTree.size());
        parentTree.put(page.getStructParents(), new COSArray());
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

    /**
     * The font, embedded as a subset, with its glyph substitutions (GSUB) off: PDFBox would otherwise print "ff" as
     * the ligature U+FB00, and text extraction would no longer find the characters typed.
     */
    private PDFont font(String resource) throws IOException {
        try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the application");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            fonts.add(ttf);
            ttf.setEnableGsub(false);
            return PDType0Font.load(doc, ttf, true);
        }
    }
}
