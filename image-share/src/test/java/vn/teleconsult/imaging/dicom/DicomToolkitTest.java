package vn.teleconsult.imaging.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.JSONRepresentationOfDicomObjectFactory;
import com.pixelmed.dicom.TagFromName;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The DICOM toolkit as packaged by infra/pixelmed/install.sh works with its declared dependencies: it parses real
 * files, writes DICOM JSON (which needs JAXB and a JSON-P implementation), and what it does with a broken file.
 */
class DicomToolkitTest {

    private static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Test
    void shouldParseARealCtImage() throws IOException, DicomException {
        var list = new AttributeList();
        list.read(new File(TEST_FILES.resolve("CT_small.dcm").toString()));

        assertEquals("CT", list.get(TagFromName.Modality).getSingleStringValueOrEmptyString());
        assertEquals(128, list.get(TagFromName.Rows).getSingleIntegerValueOrDefault(0));
        assertEquals(128, list.get(TagFromName.Columns).getSingleIntegerValueOrDefault(0));
    }

    @Test
    void shouldWriteDicomJson() throws Exception {
        var list = new AttributeList();
        list.read(new File(TEST_FILES.resolve("CT_small.dcm").toString()));
        list.remove(TagFromName.PixelData);

        var json = new JSONRepresentationOfDicomObjectFactory().getDocument(list);
        var out = new StringWriter();
        try (var writer = javax.json.Json.createWriter(out)) {
            writer.write(json);
        }
        // Modality (0008,0060) as DICOM JSON: {"00080060":{"vr":"CS","Value":["CT"]}}
        assertTrue(out.toString().contains("\"00080060\""), out.toString().substring(0, 200));
        assertTrue(out.toString().contains("\"CT\""));
    }

    /**
     * PixelMed does not throw on a file cut off inside Pixel Data: it logs and returns the list without Pixel Data.
     * The store must therefore check that an image instance still has its pixels before accepting it.
     */
    @Test
    void shouldNoticeThatATruncatedFileLostItsPixels() throws IOException, DicomException {
        var list = new AttributeList();
        list.read(new File(TEST_FILES.resolve("MR_truncated.dcm").toString()));

        assertEquals("MR", list.get(TagFromName.Modality).getSingleStringValueOrEmptyString());
        assertNull(list.get(TagFromName.PixelData), "truncated pixel data is silently dropped");
    }
}
