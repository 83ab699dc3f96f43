package vn.teleconsult.imaging.dicomweb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.teleconsult.imaging.repository.StudySearch.InstanceSummary;
import vn.teleconsult.imaging.service.StudyFilter;
import vn.teleconsult.imaging.service.StudyQuery;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.Roles;

/** DICOMweb QIDO-RS (PS3.18 10.6): search studies, series and instances, all or within a study or series. */
@Path("/dicom-web")
@RolesAllowed({Roles.SATELLITE_DOCTOR, Roles.COORDINATOR, Roles.HUB_SPECIALIST, Roles.SYSTEM})
@Produces({"application/dicom+json", "application/json"})
public class QidoResource {

    private final StudyQuery query;
    private final CurrentActor actor;
    private final ObjectMapper mapper;
    /** RetrieveURLs come from the configured public address, never from the request's Host header. */
    private final DicomWebBase root;

    public QidoResource(StudyQuery query, CurrentActor actor, ObjectMapper mapper, DicomWebBase root) {
        this.query = query;
        this.actor = actor;
        this.mapper = mapper;
        this.root = root;
    }

    @GET
    @Path("/studies")
    public String studies(@Context UriInfo uri) {
        var filter = QidoParams.parse(uri.getQueryParameters(), null, null);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        String base = root.root();
        for (var s : query.studies(actor.require(), filter)) {
            out.add(new DicomJson()
                    .string("00080020", "DA", s.studyDate())
                    .string("00080030", "TM", s.studyTime())
                    .string("00080050", "SH", s.accessionNumber())
                    .string("00080061", "CS", s.modalities())
                    .string("00080090", "PN", s.referringPhysician())
                    .string("00081030", "LO", s.studyDescription())
                    .string("00081190", "UR", base + "/studies/" + s.studyUid())
                    .string("00100010", "PN", s.patientName())
                    .string("00100020", "LO", s.patientId())
                    .string("00100030", "DA", s.patientBirthDate())
                    .string("00100040", "CS", s.patientSex())
                    .string("0020000D", "UI", s.studyUid())
                    .string("00200010", "SH", s.studyId())
                    .number("00201206", "IS", s.seriesCount())
                    .number("00201208", "IS", s.instanceCount())
                    .node());
        }
        return out.toString();
    }

    @GET
    @Path("/studies/{study}/series")
    public String series(@PathParam("study") String study, @Context UriInfo uri) {
        var filter = QidoParams.parse(uri.getQueryParameters(), DicomWebPaths.uid("Study Instance UID", study), null);
        return seriesList(filter);
    }

    /** All series the caller may see (PS3.18 10.6: the "all Series" resource). */
    @GET
    @Path("/series")
    public String allSeries(@Context UriInfo uri) {
        return seriesList(QidoParams.parse(uri.getQueryParameters(), null, null));
    }

    /** All instances the caller may see (PS3.18 10.6: the "all Instances" resource). */
    @GET
    @Path("/instances")
    public String allInstances(@Context UriInfo uri) {
        var filter = QidoParams.parse(uri.getQueryParameters(), null, null);
        return instanceList(query.instances(actor.require(), filter), uri);
    }

    private String seriesList(StudyFilter filter) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        String base = root.root();
        for (var s : query.series(actor.require(), filter)) {
            out.add(new DicomJson()
                    .string("00080060", "CS", s.modality())
                    .string("0008103E", "LO", s.seriesDescription())
                    .string("00081190", "UR", base + "/studies/" + s.studyUid() + "/series/" + s.seriesUid())
                    .string("0020000D", "UI", s.studyUid())
                    .string("0020000E", "UI", s.seriesUid())
                    .number("00200011", "IS", s.seriesNumber())
                    .number("00201209", "IS", s.instanceCount())
                    .node());
        }
        return out.toString();
    }

    @GET
    @Path("/studies/{study}/series/{series}/instances")
    public String instances(
            @PathParam("study") String study, @PathParam("series") String series, @Context UriInfo uri) {
        var filter = QidoParams.parse(
                uri.getQueryParameters(),
                DicomWebPaths.uid("Study Instance UID", study),
                DicomWebPaths.uid("Series Instance UID", series));
        return instanceList(query.instances(actor.require(), filter), uri);
    }

    @GET
    @Path("/studies/{study}/instances")
    public String studyInstances(@PathParam("study") String study, @Context UriInfo uri) {
        var filter = QidoParams.parse(uri.getQueryParameters(), DicomWebPaths.uid("Study Instance UID", study), null);
        return instanceList(query.instances(actor.require(), filter), uri);
    }

    private String instanceList(List<InstanceSummary> rows, UriInfo uri) {
        List<String> include = QidoParams.includeFields(uri.getQueryParameters());
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        String base = root.root();
        for (var i : rows) {
            ObjectNode node = new DicomJson()
                    .string("00080016", "UI", i.sopClassUid())
                    .string("00080018", "UI", i.sopInstanceUid())
                    .string(
                            "00081190",
                            "UR",
                            base + "/studies/" + i.studyUid() + "/series/" + i.seriesUid() + "/instances/"
                                    + i.sopInstanceUid())
                    .string("0020000D", "UI", i.studyUid())
                    .string("0020000E", "UI", i.seriesUid())
                    .number("00200013", "IS", i.instanceNumber())
                    .number("00280008", "IS", i.frames())
                    .number("00280010", "US", i.rows())
                    .number("00280011", "US", i.columns())
                    .node();
            if (!include.isEmpty()) {
                includeFromMetadata(node, i.metadata(), include);
            }
            out.add(node);
        }
        return out.toString();
    }

    private void includeFromMetadata(ObjectNode node, String metadata, List<String> include) {
        try {
            var stored = (ObjectNode) mapper.readTree(metadata);
            boolean all = include.contains("all");
            stored.fields().forEachRemaining(field -> {
                if ((all || include.contains(field.getKey())) && !node.has(field.getKey())) {
                    node.set(field.getKey(), field.getValue());
                }
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not JSON", e);
        }
    }
}
