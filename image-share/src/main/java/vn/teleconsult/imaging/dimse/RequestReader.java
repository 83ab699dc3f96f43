package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.Association;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Collects one DIMSE request from the P-DATA PDUs of an association: its command set, and its data set (a C-STORE data
 * set goes straight into a temporary Part 10 file; identifiers are kept in memory, up to a bound).
 */
final class RequestReader extends CompositeResponseHandler {

    static final int NO_DATA_SET = 0x0101;
    private static final int MAX_IDENTIFIER = 1 << 20;

    private final Path incoming;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private final ByteArrayOutputStream identifier = new ByteArrayOutputStream();
    private AttributeList commandList;
    private int commandField = -1;
    private byte contextId;
    private Path file;
    private OutputStream fileOut;

    RequestReader(Path incoming) {
        this.incoming = incoming;
    }

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList list) {
        // requests, not responses, are read here
    }

    @Override
    public void sendPDataIndication(PDataPDU pdata, Association association)
            throws DicomNetworkException, DicomException, IOException {
        for (Object o : pdata.getPDVList()) {
            var pdv = (PresentationDataValue) o;
            contextId = pdv.getPresentationContextID();
            if (pdv.isCommand()) {
                command.writeBytes(pdv.getValue());
                if (pdv.isLastFragment()) {
                    commandList = new AttributeList();
                    commandList.read(new DicomInputStream(
                            new ByteArrayInputStream(command.toByteArray()), TransferSyntax.Default, false));
                    commandField = Attribute.getSingleIntegerValueOrDefault(commandList, TagFromName.CommandField, -1);
                    if (Attribute.getSingleIntegerValueOrDefault(commandList, TagFromName.CommandDataSetType, 0)
                            == NO_DATA_SET) {
                        setDone(true);
                    }
                }
            } else {
                if (commandList == null) {
                    throw new DicomNetworkException("data set before its command");
                }
                if (commandField == DimseCommands.C_STORE_RQ) {
                    if (fileOut == null) {
                        openFile(association);
                    }
                    fileOut.write(pdv.getValue());
                } else {
                    if (identifier.size() + pdv.getValue().length > MAX_IDENTIFIER) {
                        throw new DicomNetworkException("identifier too large");
                    }
                    identifier.writeBytes(pdv.getValue());
                }
                if (pdv.isLastFragment()) {
                    if (fileOut != null) {
                        fileOut.close();
                        fileOut = null;
                    }
                    setDone(true);
                }
            }
        }
    }

    private void openFile(Association association) throws IOException, DicomException, DicomNetworkException {
        String ts = association.getTransferSyntaxForPresentationContextID(contextId);
        var meta = new FileMetaInformation(
                Attribute.getSingleStringValueOrEmptyString(commandList, TagFromName.AffectedSOPClassUID),
                Attribute.getSingleStringValueOrEmptyString(commandList, TagFromName.AffectedSOPInstanceUID),
                ts,
                association.getCallingAETitle());
        file = Files.createTempFile(incoming, "dimse-", ".part");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 65536);
        var dout = new DicomOutputStream(fileOut, TransferSyntax.ExplicitVRLittleEndian, null);
        meta.getAttributeList().write(dout);
        dout.flush();
    }

    AttributeList command() {
        return commandList;
    }

    int commandField() {
        return commandField;
    }

    byte contextId() {
        return contextId;
    }

    /** The received C-STORE file (complete only once the request is done). */
    Path file() {
        return file;
    }

    /** The identifier data set, read in the context's transfer syntax. */
    AttributeList identifier(Association association) throws IOException, DicomException, DicomNetworkException {
        var list = new AttributeList();
        list.read(new DicomInputStream(
                new ByteArrayInputStream(identifier.toByteArray()),
                association.getTransferSyntaxForPresentationContextID(contextId),
                false));
        return list;
    }

    /** Removes a half-received file (the association ended inside it). */
    void discard() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // best effort: the orphan sweep removes what is left
        }
    }
}
