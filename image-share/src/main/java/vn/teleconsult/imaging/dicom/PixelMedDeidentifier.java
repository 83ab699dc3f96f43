package vn.teleconsult.imaging.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
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
import java.util.Map;

/** The {@link Deidentifier} backed by PixelMed's ClinicalTrialsAttributes. */
@ApplicationScoped
public class PixelMedDeidentifier implements Deidentifier {

    private static final AttributeTag[] REMAPPED = {
        TagFromName.StudyInstanceUID,
        TagFromName.SeriesInstanceUID,
        TagFromName.SOPInstanceUID,
        TagFromName.FrameOfReferenceUID
    };

    @Override
    public void deidentify(Path in, Path out, String pseudonym, Options options, Map<String, String> uids)
            throws InvalidDicom, IOException {
        try {
            var list = new AttributeList();
            String transferSyntax;
            try (var stream = new DicomInputStream(new BufferedInputStream(Files.newInputStream(in), 65536))) {
                list.read(stream);
                transferSyntax = stream.getTransferSyntaxToReadDataSet().getUID();
            }
            var originals = new java.util.HashMap<AttributeTag, String>();
            for (AttributeTag tag : REMAPPED) {
                originals.put(tag, Attribute.getSingleStringValueOrEmptyString(list, tag));
            }
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            list.removeUnsafePrivateAttributes();
            list.removePrivateAttributes();
            ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(
                    list,
                    ClinicalTrialsAttributes.HandleUIDs.remove,
                    options.retainDescriptors(),
                    options.retainDescriptors(),
                    options.retainPatientCharacteristics(),
                    options.retainDeviceIdentity(),
                    options.retainInstitutionIdentity());
            for (AttributeTag tag : REMAPPED) {
                String original = originals.get(tag);
                if (!original.isEmpty()) {
                    set(list, tag, uids.computeIfAbsent(original, o -> DicomUids.random()));
                }
            }
            set(list, TagFromName.PatientID, pseudonym);
            set(list, TagFromName.PatientName, pseudonym);
            set(list, TagFromName.PatientIdentityRemoved, "YES");
            set(list, TagFromName.DeidentificationMethod, "PS3.15 E.1 Basic Application Confidentiality Profile");
            var methods = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
            methods.addItem(new CodedSequenceItem("113100", "DCM", "Basic Application Confidentiality Profile")
                    .getAttributeList());
            if (options.retainDescriptors()) {
                methods.addItem(new CodedSequenceItem("113105", "DCM", "Clean Descriptors Option").getAttributeList());
            }
            if (options.retainPatientCharacteristics()) {
                methods.addItem(new CodedSequenceItem("113108", "DCM", "Retain Patient Characteristics Option")
                        .getAttributeList());
            }
            if (options.retainDeviceIdentity()) {
                methods.addItem(
                        new CodedSequenceItem("113109", "DCM", "Retain Device Identity Option").getAttributeList());
            }
            if (options.retainInstitutionIdentity()) {
                methods.addItem(new CodedSequenceItem("113112", "DCM", "Retain Institution Identity Option")
                        .getAttributeList());
            }
            list.put(methods);
            FileMetaInformation.addFileMetaInformation(list, transferSyntax, "TELECONSULT");
            list.write(out.toFile(), transferSyntax, true, true);
        } catch (DicomException | RuntimeException | StackOverflowError e) {
            throw new InvalidDicom("The instance could not be de-identified.", e);
        }
    }

    private static void set(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = AttributeFactory.newAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }
}
