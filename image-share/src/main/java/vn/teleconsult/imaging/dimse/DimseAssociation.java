package vn.teleconsult.imaging.dimse;

import static vn.teleconsult.imaging.dimse.DimseCommands.C_ECHO_RQ;
import static vn.teleconsult.imaging.dimse.DimseCommands.C_FIND_RQ;
import static vn.teleconsult.imaging.dimse.DimseCommands.C_GET_RQ;
import static vn.teleconsult.imaging.dimse.DimseCommands.C_MOVE_RQ;
import static vn.teleconsult.imaging.dimse.DimseCommands.C_STORE_RQ;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.network.AReleaseException;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.CEchoResponseCommandMessage;
import com.pixelmed.network.CFindResponseCommandMessage;
import com.pixelmed.network.CGetResponseCommandMessage;
import com.pixelmed.network.CMoveResponseCommandMessage;
import com.pixelmed.network.CStoreResponseCommandMessage;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.query.QueryResponseGenerator;
import io.quarkus.logging.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import vn.teleconsult.imaging.dicom.TransferSyntaxes;
import vn.teleconsult.imaging.service.InstanceEncoding;
import vn.teleconsult.imaging.service.StoreResult;
import vn.teleconsult.imaging.service.StoredFile;
import vn.teleconsult.imaging.service.StudyStore;

/**
 * Serves one accepted association as Storage, Study Root Query/Retrieve (FIND, MOVE, GET) and Verification SCP, one
 * request at a time. The toolkit negotiates the association and frames the messages; the retrieve sub-operations are
 * ours ({@link SubOperations}), so that no instance is ever sent on a context of another transfer syntax.
 */
final class DimseAssociation {

    /** A C-MOVE destination: host and port of a node the caller may move to. */
    record Destination(String host, int port) {}

    private final Socket socket;
    private final String aeTitle;
    private final Path incoming;
    private final StudyStore store;
    private final UUID hospital;
    private final Supplier<QueryResponseGenerator> finder;
    private final Supplier<CMoveHandler> retriever;
    private final Map<String, Destination> destinations;
    private final InstanceEncoding encoding;
    private final AcceptedContexts contexts = new AcceptedContexts();

    DimseAssociation(
            Socket socket,
            String aeTitle,
            Path incoming,
            StudyStore store,
            UUID hospital,
            Supplier<QueryResponseGenerator> finder,
            Supplier<CMoveHandler> retriever,
            Map<String, Destination> destinations,
            InstanceEncoding encoding) {
        this.socket = socket;
        this.aeTitle = aeTitle;
        this.incoming = incoming;
        this.store = store;
        this.hospital = hospital;
        this.finder = finder;
        this.retriever = retriever;
        this.destinations = destinations;
        this.encoding = encoding;
    }

    void run() throws DicomNetworkException, IOException, DicomException {
        Association association =
                AssociationFactory.createNewAssociation(socket, aeTitle, 65536, 262144, 262144, contexts);
        try {
            while (true) {
                var request = new RequestReader(incoming);
                association.setReceivedDataHandler(request);
                try {
                    association.waitForPDataPDUsUntilHandlerReportsDone();
                } catch (DicomNetworkException | RuntimeException e) {
                    request.discard();
                    throw e;
                }
                serve(association, request);
            }
        } catch (AReleaseException released) {
            // the caller released the association: done
        }
    }

    private void serve(Association association, RequestReader request)
            throws DicomNetworkException, AReleaseException, IOException, DicomException {
        AttributeList command = request.command();
        String sopClass = Attribute.getSingleStringValueOrEmptyString(command, TagFromName.AffectedSOPClassUID);
        int messageId = Attribute.getSingleIntegerValueOrDefault(command, TagFromName.MessageID, 0);
        byte context = request.contextId();
        switch (request.commandField()) {
            case C_ECHO_RQ ->
                association.send(context, new CEchoResponseCommandMessage(sopClass, messageId, 0).getBytes(), null);
            case C_STORE_RQ -> store(association, request, sopClass, messageId);
            case C_FIND_RQ -> find(association, request, sopClass, messageId);
            case C_MOVE_RQ, C_GET_RQ -> retrieve(association, request, sopClass, messageId);
            default -> {
                request.discard();
                throw new DicomNetworkException(
                        "unexpected DIMSE command 0x" + Integer.toHexString(request.commandField()));
            }
        }
    }

    private void store(Association association, RequestReader request, String sopClass, int messageId)
            throws DicomNetworkException, DicomException, IOException {
        String sop = Attribute.getSingleStringValueOrEmptyString(request.command(), TagFromName.AffectedSOPInstanceUID);
        int status;
        if (request.file() == null) {
            status = StoreResult.CANNOT_UNDERSTAND;
        } else {
            StoreResult result = store.store(request.file(), hospital, null);
            status = result.stored() ? 0 : result.failureReason();
            if (!result.stored()) {
                Log.infof("C-STORE of %s refused: %s", sop, result.message());
            }
        }
        if (request.file() != null) {
            Files.deleteIfExists(request.file()); // the store consumed it; this only covers a failure before that
        }
        association.send(
                request.contextId(),
                new CStoreResponseCommandMessage(sopClass, sop, messageId, status).getBytes(),
                null);
    }

    private void find(Association association, RequestReader request, String sopClass, int messageId)
            throws DicomNetworkException, DicomException, IOException {
        byte context = request.contextId();
        QueryResponseGenerator generator = finder.get();
        try {
            generator.performQuery(sopClass, request.identifier(association), false);
            int status = generator.getStatus();
            if (status != 0) {
                association.send(
                        context,
                        new CFindResponseCommandMessage(
                                        sopClass, messageId, status, false, generator.getOffendingElement(), null)
                                .getBytes(),
                        null);
                return;
            }
            String ts = association.getTransferSyntaxForPresentationContextID(context);
            AttributeList match;
            while ((match = generator.next()) != null) {
                int pending = generator.allOptionalKeysSuppliedWereSupported()
                        ? DimseCommands.PENDING
                        : DimseCommands.PENDING_OPTIONAL_KEYS_UNSUPPORTED;
                association.send(
                        context, new CFindResponseCommandMessage(sopClass, messageId, pending, true).getBytes(), null);
                association.send(context, null, encode(match, ts));
            }
            association.send(context, new CFindResponseCommandMessage(sopClass, messageId, 0, false).getBytes(), null);
        } finally {
            generator.close();
        }
    }

    private void retrieve(Association association, RequestReader request, String sopClass, int messageId)
            throws DicomNetworkException, AReleaseException, IOException, DicomException {
        boolean move = request.commandField() == C_MOVE_RQ;
        byte context = request.contextId();
        CMoveHandler handler = retriever.get();
        List<StoredFile> files;
        try {
            handler.performRetrieve(sopClass, request.identifier(association), false);
            files = handler.selected();
            if (handler.getStatus() != 0) {
                association.send(
                        context,
                        response(move, sopClass, messageId, handler.getStatus(), handler.getErrorComment()),
                        null);
                return;
            }
        } finally {
            handler.close();
        }
        if (files.isEmpty()) {
            association.send(context, response(move, sopClass, messageId, 0, 0, 0, 0, 0, false), null);
            return;
        }
        SubOperations.Progress progress = (remaining, completed, failed, warning) -> {
            if (remaining > 0) {
                send(
                        association,
                        context,
                        response(
                                move,
                                sopClass,
                                messageId,
                                DimseCommands.PENDING,
                                remaining,
                                completed,
                                failed,
                                warning,
                                false));
            }
        };
        SubOperations.Outcome outcome;
        if (move) {
            String destination = Attribute.getSingleStringValueOrEmptyString(
                            request.command(), TagFromName.MoveDestination)
                    .trim();
            var address = destinations.get(destination);
            if (address == null || destination.equals(aeTitle)) {
                association.send(
                        context,
                        response(true, sopClass, messageId, DimseCommands.MOVE_DESTINATION_UNKNOWN, destination),
                        null);
                return;
            }
            outcome = moveTo(destination, address, files, messageId, association.getCallingAETitle(), progress);
        } else {
            outcome = SubOperations.send(
                    association, new Contexts(contexts.accepted()), files, encoding, null, -1, progress);
        }
        int status = outcome.failed() == 0 && outcome.warning() == 0
                ? 0
                : outcome.completed() == 0 && outcome.warning() == 0
                        ? DimseCommands.UNABLE_TO_PERFORM_SUB_OPERATIONS
                        : DimseCommands.SUB_OPERATIONS_WITH_FAILURES;
        boolean failures = !outcome.failedUids().isEmpty();
        association.send(
                context,
                response(
                        move,
                        sopClass,
                        messageId,
                        status,
                        0,
                        outcome.completed(),
                        outcome.failed(),
                        outcome.warning(),
                        failures),
                null);
        if (failures) {
            var identifier = new AttributeList();
            var list = new UniqueIdentifierAttribute(new com.pixelmed.dicom.AttributeTag(0x0008, 0x0058));
            for (String uid : outcome.failedUids()) {
                list.addValue(uid);
            }
            identifier.put(list);
            association.send(
                    context, null, encode(identifier, association.getTransferSyntaxForPresentationContextID(context)));
        }
        Log.infof(
                "C-%s of %d instances: %d completed, %d failed, %d warnings",
                move ? "MOVE" : "GET", files.size(), outcome.completed(), outcome.failed(), outcome.warning());
    }

    /**
     * Opens an association to the move destination proposing, for each SOP class, every stored syntax of the instances
     * to send plus the uncompressed ones, then sends each instance on a context that fits it.
     */
    private SubOperations.Outcome moveTo(
            String destination,
            Destination address,
            List<StoredFile> files,
            int messageId,
            String originator,
            SubOperations.Progress progress)
            throws IOException, AReleaseException, DicomNetworkException {
        var proposed = new LinkedList<PresentationContext>();
        var pairs = new LinkedHashSet<List<String>>();
        for (StoredFile f : files) {
            if (!TransferSyntaxes.isUncompressed(f.transferSyntax())) {
                pairs.add(List.of(f.sopClassUid(), f.transferSyntax()));
            }
            pairs.add(List.of(f.sopClassUid(), ""));
        }
        int id = 1;
        for (List<String> pair : pairs) {
            if (id > 255) {
                break;
            }
            var pc = pair.get(1).isEmpty()
                    ? new PresentationContext((byte) id, pair.get(0), TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN)
                    : new PresentationContext((byte) id, pair.get(0), pair.get(1));
            if (pair.get(1).isEmpty()) {
                pc.addTransferSyntaxUID(TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN);
            }
            proposed.add(pc);
            id += 2;
        }
        Association out;
        try {
            out = AssociationFactory.createNewAssociation(
                    address.host(), address.port(), destination, aeTitle, proposed, null, false);
        } catch (DicomNetworkException | IOException e) {
            Log.infof("C-MOVE destination %s could not be reached: %s", destination, e.getMessage());
            var uids = files.stream().map(StoredFile::sopInstanceUid).toList();
            return new SubOperations.Outcome(0, files.size(), 0, uids);
        }
        var accepted = new ArrayList<PresentationContext>();
        for (List<String> pair : pairs) {
            for (String ts : pair.get(1).isEmpty()
                    ? List.of(TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN)
                    : List.of(pair.get(1))) {
                try {
                    byte pcId = out.getSuitablePresentationContextID(pair.get(0), ts);
                    accepted.add(new PresentationContext(pcId, pair.get(0), ts));
                } catch (DicomNetworkException notAccepted) {
                    // not accepted in this syntax
                }
            }
        }
        try {
            return SubOperations.send(out, new Contexts(accepted), files, encoding, originator, messageId, progress);
        } finally {
            try {
                out.release();
            } catch (DicomNetworkException e) {
                Log.debugf("C-MOVE destination association release: %s", e.getMessage());
            }
        }
    }

    private static void send(Association association, byte context, byte[] command) throws IOException {
        try {
            association.send(context, command, null);
        } catch (DicomNetworkException e) {
            throw new IOException(e);
        }
    }

    private static byte[] response(boolean move, String sopClass, int messageId, int status, String comment)
            throws DicomException, IOException {
        return move
                ? new CMoveResponseCommandMessage(sopClass, messageId, status, false, null, comment).getBytes()
                : new CGetResponseCommandMessage(sopClass, messageId, status, false, null, comment).getBytes();
    }

    private static byte[] response(
            boolean move,
            String sopClass,
            int messageId,
            int status,
            int remaining,
            int completed,
            int failed,
            int warning,
            boolean dataSet)
            throws IOException {
        try {
            return move
                    ? new CMoveResponseCommandMessage(
                                    sopClass, messageId, status, dataSet, remaining, completed, failed, warning)
                            .getBytes()
                    : new CGetResponseCommandMessage(
                                    sopClass, messageId, status, dataSet, remaining, completed, failed, warning)
                            .getBytes();
        } catch (DicomException e) {
            throw new IOException(e);
        }
    }

    private static byte[] encode(AttributeList list, String transferSyntax) throws IOException, DicomException {
        var bytes = new ByteArrayOutputStream();
        var out = new DicomOutputStream(bytes, null, transferSyntax);
        list.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
