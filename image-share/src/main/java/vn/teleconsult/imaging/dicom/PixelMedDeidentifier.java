package vn.teleconsult.imaging.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link Deidentifier} on PixelMed: reads the instance without decompressing its pixels (so the copy keeps the
 * stored transfer syntax and encapsulated pixel data byte for byte), applies PS3.15 Table E.1-1 through
 * {@link ConfidentialityProfile}, and declares what was done (PS3.15 E.1.1, PS3.16 CID 7050).
 */
@ApplicationScoped
public class PixelMedDeidentifier implements Deidentifier {

    private static final AttributeTag LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = new AttributeTag(0x0028, 0x0303);

    @Override
    public void deidentify(Path in, Path out, Copy copy) throws InvalidDicom, IOException {
        try {
            var list = new AttributeList();
            list.setDecompressPixelData(false);
            String transferSyntax;
            try (var stream = new DicomInputStream(new BufferedInputStream(Files.newInputStream(in), 65536))) {
                list.read(stream);
                transferSyntax = stream.getTransferSyntaxToReadDataSet().getUID();
            }
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            list.removePrivateAttributes();
            new ConfidentialityProfile(copy, list).apply(list);
            var options = copy.options();
            set(list, TagFromName.PatientID, copy.pseudonym());
            set(list, TagFromName.PatientName, copy.pseudonym());
            set(list, TagFromName.PatientIdentityRemoved, "YES");
            set(
                    list,
                    LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED,
                    options.retainModifiedDates() ? "MODIFIED" : "REMOVED");
            list.remove(TagFromName.DeidentificationMethod);
            var method = AttributeFactory.newAttribute(TagFromName.DeidentificationMethod);
            method.addValue("PS3.15 E.1 Basic Application Confidentiality Profile");
            if (options.retainModifiedDates()) {
                method.addValue("Dates shifted by a fixed number of days per copy");
            }
            list.put(method);
            var methods = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
            add(methods, "113100", "Basic Application Confidentiality Profile");
            if (options.retainModifiedDates()) {
                add(methods, "113107", "Retain Longitudinal Temporal Information Modified Dates Option");
            }
            if (options.retainPatientCharacteristics()) {
                add(methods, "113108", "Retain Patient Characteristics Option");
            }
            if (options.retainDeviceIdentity()) {
                add(methods, "113109", "Retain Device Identity Option");
            }
            if (options.retainInstitutionIdentity()) {
                add(methods, "113112", "Retain Institution Identity Option");
            }
            list.put(methods);
            FileMetaInformation.addFileMetaInformation(list, transferSyntax, "TELECONSULT");
            list.write(out.toFile(), transferSyntax, true, true);
        } catch (DicomException | RuntimeException | StackOverflowError e) {
            throw new InvalidDicom("The instance could not be de-identified.", e);
        }
    }

    private static void add(SequenceAttribute methods, String code, String meaning) throws DicomException {
        methods.addItem(new CodedSequenceItem(code, "DCM", meaning).getAttributeList());
    }

    private static void set(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = AttributeFactory.newAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }
}
