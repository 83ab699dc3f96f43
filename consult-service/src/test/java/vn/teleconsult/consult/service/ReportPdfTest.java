package vn.teleconsult.consult.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The report PDF: the minutes' sections in Vietnamese, diacritics intact, font embedded, long text wrapped; text as
 * poppler's pdftotext extracts it (no ligatures); PDF/A-3b as veraPDF validates it.
 */
class ReportPdfTest {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private static ReportDocument report(String findings) {
        return report("c-1", findings);
    }

    private static ReportDocument report(String consultId, String findings) {
        return new ReportDocument(
                consultId,
                "Từ 09:00 ngày 23/11/2026 đến 09:40 ngày 23/11/2026",
                "Hội chẩn từ xa giữa Bệnh viện Trung ương Hồng Hà và Bệnh viện Đa khoa tỉnh Núi Xanh",
                List.of("PGS.TS. Lê Minh Đức — Chuyên gia hội chẩn, Bệnh viện Trung ương Hồng Hà"),
                List.of("Họ và tên: Nguyễn Thị Hường", "Ngày sinh: 01/02/1950; giới tính: Nữ"),
                "Ho kéo dài, sụt cân.",
                "Tổn thương phổi phải là gì?",
                findings,
                "Nghi ung thư phổi.",
                "Đề nghị sinh thiết xuyên thành ngực dưới hướng dẫn CT.",
                "Hội chẩn lại sau khi có giải phẫu bệnh.",
                null,
                "PGS.TS. Lê Minh Đức",
                "09:40 ngày 23/11/2026",
                List.of("10:00 ngày 24/11/2026: Bổ sung: đã có kết quả xét nghiệm đờm."));
    }

    @Test
    void shouldRenderVietnameseTextThatExtractsBackUnchanged() throws Exception {
        // decomposed input (NFD) is printed as the precomposed letters
        String findings =
                Normalizer.normalize("Khối mờ thùy trên phổi phải, bờ tua gai, kích thước 32 mm.", Normalizer.Form.NFD);
        byte[] pdf = ReportPdf.render(report(findings));
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of(
                    "BIÊN BẢN HỘI CHẨN",
                    "Thành phần tham gia",
                    "Nguyễn Thị Hường",
                    "Khối mờ thùy trên phổi phải, bờ tua gai, kích thước 32 mm.",
                    "Đề nghị sinh thiết xuyên thành ngực dưới hướng dẫn CT.",
                    "Kết luận",
                    "Hướng điều trị, đề nghị",
                    "Người ký",
                    "Bổ sung: đã có kết quả xét nghiệm đờm.")) {
                assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
            }
            var font = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertTrue(font instanceof PDType0Font);
            assertTrue(
                    ((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2() != null,
                    "font embedded");
            assertEquals("Biên bản hội chẩn c-1", doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void shouldWrapLongTextOntoMorePagesAndReplaceWhatTheFontCannotShow() throws Exception {
        String longText = "Dịch màng phổi lượng vừa. ".repeat(400) + "Ký tự lạ: \u6F22\tcuối.";
        byte[] pdf = ReportPdf.render(report(longText));
        try (var doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() > 1);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Ký tự lạ: ? cuối."), text.substring(Math.max(0, text.length() - 400)));
        }
    }

    @Test
    void shouldApplyNoLigaturesSoThatPdftotextGivesTheCaseIdAsTyped() throws Exception {
        String id = "4ff0b4f1-9c1e-4d2a-8a55-0e4c1f6b2d10";
        byte[] pdf =
                ReportPdf.render(report(id, "Hình ảnh ghi nhận: ảnh hưởng, hiệu quả (efficient, offline, affix)."));
        String text = pdftotext(pdf);
        assertTrue(text.contains("mã ca " + id), text);
        assertTrue(text.contains("efficient, offline, affix"), text);
        for (char ligature = '\uFB00'; ligature <= '\uFB06'; ligature++) {
            assertEquals(-1, text.indexOf(ligature), "ligature U+" + Integer.toHexString(ligature) + " in:\n" + text);
        }
    }

    @Test
    void shouldBeValidPdfA3bForVeraPdf() throws Exception {
        String longText = "Dịch màng phổi lượng vừa, hiệu quả điều trị chưa rõ. ".repeat(150);
        for (byte[] pdf : List.of(
                ReportPdf.render(report("4ff0b4f1", "Khối mờ thùy trên.")), ReportPdf.render(report(longText)))) {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
                    PDFAValidator validator =
                            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
                assertEquals(PDFAFlavour.PDFA_3_B, parser.getFlavour(), "the file declares PDF/A-3b in its XMP");
                ValidationResult result = validator.validate(parser);
                var failed = result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                        .map(a ->
                                a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                        .distinct()
                        .toList();
                assertEquals(List.of(), failed);
                assertTrue(result.isCompliant());
            }
            try (var doc = Loader.loadPDF(pdf)) {
                var catalog = doc.getDocumentCatalog();
                assertTrue(catalog.getMarkInfo().isMarked(), "tagged");
                assertTrue(catalog.getStructureTreeRoot().getKids().size() == 1, "one Document element");
                assertEquals("vi", catalog.getLanguage());
            }
        }
    }

    /** The text as poppler's pdftotext (an independent reader) extracts it, UTF-8. */
    private static String pdftotext(byte[] pdf) throws Exception {
        Path file = Files.createTempFile("report", ".pdf");
        try {
            Files.write(file, pdf);
            var process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext ends");
            assertEquals(0, process.exitValue(), text);
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
