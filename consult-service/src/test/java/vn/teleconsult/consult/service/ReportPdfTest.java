package vn.teleconsult.consult.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report PDF: the minutes' sections in Vietnamese, diacritics intact, font embedded, long text wrapped. */
class ReportPdfTest {

    private static ReportDocument report(String findings) {
        return new ReportDocument(
                "c-1",
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
}
