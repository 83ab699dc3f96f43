package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.VerificationSOPClassSCU;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.service.PacsClient;
import vn.teleconsult.imaging.service.StudyFilter;

/** {@link PacsClient} over DIMSE with PixelMed: Study Root C-FIND and C-GET as SCU. */
@ApplicationScoped
public class PixelMedPacsClient implements PacsClient {

    private final String ourAeTitle;

    public PixelMedPacsClient(ImagingSettings settings) {
        this.ourAeTitle = settings.dimse().aeTitle();
    }

    @Override
    public void echo(Peer peer) throws PacsException {
        try {
            new VerificationSOPClassSCU(peer.host(), peer.port(), peer.aeTitle(), ourAeTitle, false);
        } catch (Exception e) {
            throw new PacsException(
                    peer.aeTitle() + " at " + peer.host() + ":" + peer.port() + " did not answer C-ECHO: " + reason(e),
                    e);
        }
    }

    /** Why an association attempt failed, in words an administrator can act on. */
    private String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof ConnectException || message.contains("Connection refused")) {
                return "connection refused (nothing listens on that port, or a firewall blocks it).";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host name.";
            }
            if (t instanceof SocketTimeoutException || t instanceof NoRouteToHostException) {
                return "no answer from that address.";
            }
            if (message.contains("A-ASSOCIATE-RJ")) {
                return "the association was rejected (does it know our AE title " + ourAeTitle
                        + ", and is its own AE title right?): " + message;
            }
        }
        return String.valueOf(failure.getMessage());
    }

    @Override
    public List<RemoteStudy> findStudies(Peer peer, StudyFilter filter) throws PacsException {
        try {
            var identifier = new AttributeList();
            put(identifier, TagFromName.QueryRetrieveLevel, "STUDY");
            put(
                    identifier,
                    TagFromName.StudyInstanceUID,
                    filter.studyUids().isEmpty() ? null : filter.studyUids().get(0));
            put(identifier, TagFromName.PatientID, filter.patientId());
            put(identifier, TagFromName.PatientName, filter.patientName());
            put(identifier, TagFromName.StudyDate, dateRange(filter));
            put(identifier, TagFromName.AccessionNumber, filter.accessionNumber());
            put(identifier, TagFromName.ModalitiesInStudy, filter.modality());
            put(identifier, TagFromName.StudyDescription, null);
            put(identifier, TagFromName.NumberOfStudyRelatedInstances, null);
            var studies = new ArrayList<RemoteStudy>();
            find(peer, identifier, list -> {
                if (studies.size() < filter.limit()) {
                    studies.add(new RemoteStudy(
                            text(list, TagFromName.StudyInstanceUID),
                            text(list, TagFromName.PatientID),
                            text(list, TagFromName.PatientName),
                            text(list, TagFromName.StudyDate),
                            text(list, TagFromName.AccessionNumber),
                            text(list, TagFromName.ModalitiesInStudy),
                            text(list, TagFromName.StudyDescription),
                            integer(list, TagFromName.NumberOfStudyRelatedInstances)));
                }
            });
            return studies;
        } catch (Exception e) {
            throw new PacsException("The PACS " + peer.aeTitle() + " did not answer the query: " + e.getMessage(), e);
        }
    }

    @Override
    public int retrieveStudy(Peer peer, String studyUid, Path folder, Consumer<Path> received) throws PacsException {
        try {
            Set<String> classes = sopClassesOf(peer, studyUid);
            var identifier = new AttributeList();
            put(identifier, TagFromName.QueryRetrieveLevel, "STUDY");
            put(identifier, TagFromName.StudyInstanceUID, studyUid);
            new GetSOPClassSCU(
                    peer.host(),
                    peer.port(),
                    peer.aeTitle(),
                    ourAeTitle,
                    SOPClass.StudyRootQueryRetrieveInformationModelGet,
                    identifier,
                    new IdentifierHandler(),
                    folder.toFile(),
                    new RandomFileNames(),
                    new ReceivedObjectHandler() {
                        @Override
                        public void sendReceivedObjectIndication(String file, String ts, String caller) {
                            received.accept(Path.of(file));
                        }
                    },
                    classes,
                    true,
                    false,
                    false);
            return 0;
        } catch (Exception e) {
            throw new PacsException("The PACS " + peer.aeTitle() + " did not send the study: " + e.getMessage(), e);
        }
    }

    /** The storage SOP classes the study holds, to propose for C-GET's sub-operations (at most 100). */
    private Set<String> sopClassesOf(Peer peer, String studyUid) throws Exception {
        var identifier = new AttributeList();
        put(identifier, TagFromName.QueryRetrieveLevel, "IMAGE");
        put(identifier, TagFromName.StudyInstanceUID, studyUid);
        put(identifier, TagFromName.SeriesInstanceUID, null);
        put(identifier, TagFromName.SOPInstanceUID, null);
        put(identifier, TagFromName.SOPClassUID, null);
        var classes = new HashSet<String>();
        find(peer, identifier, list -> {
            String c = text(list, TagFromName.SOPClassUID);
            if (!c.isEmpty() && classes.size() < 100) {
                classes.add(c);
            }
        });
        if (classes.isEmpty()) {
            classes.add(SOPClass.CTImageStorage);
            classes.add(SOPClass.MRImageStorage);
            classes.add(SOPClass.SecondaryCaptureImageStorage);
        }
        return classes;
    }

    /** Study Root C-FIND, each response identifier handed to {@code handler}. */
    private void find(Peer peer, AttributeList identifier, Consumer<AttributeList> handler) throws Exception {
        new FindSOPClassSCU(
                peer.host(),
                peer.port(),
                peer.aeTitle(),
                ourAeTitle,
                SOPClass.StudyRootQueryRetrieveInformationModelFind,
                identifier,
                new IdentifierHandler() {
                    @Override
                    public void doSomethingWithIdentifier(AttributeList list) {
                        handler.accept(list);
                    }
                });
    }

    private static String dateRange(StudyFilter f) {
        if (f.dateFrom() == null && f.dateTo() == null) {
            return null;
        }
        if (f.dateFrom() != null && f.dateFrom().equals(f.dateTo())) {
            return f.dateFrom();
        }
        return (f.dateFrom() == null ? "" : f.dateFrom()) + "-" + (f.dateTo() == null ? "" : f.dateTo());
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws Exception {
        var attribute = AttributeFactory.newAttribute(tag);
        if (value != null && !value.isEmpty()) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag).trim();
    }

    private static Integer integer(AttributeList list, AttributeTag tag) {
        int value = Attribute.getSingleIntegerValueOrDefault(list, tag, -1);
        return value < 0 ? null : value;
    }
}
