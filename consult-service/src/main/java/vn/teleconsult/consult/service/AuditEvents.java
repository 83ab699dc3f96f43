package vn.teleconsult.consult.service;

import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditRecord;

/**
 * Maps an audit record to a FHIR R4 AuditEvent as IHE Basic Audit Log Patterns (BALP) records it: a RESTful
 * interaction ({@code audit-event-type#rest} with a {@code restful-interaction} subtype), or DICOM's User
 * Authentication (110114, Login/Logout) and Export (110106); the user, the server and the organization as agents;
 * the resource acted on (object-role 4, Domain Resource) as a reference to its FHIR resource, or as an identifier
 * when it has none; and the patient (object-role 1) when there is one.
 */
final class AuditEvents {

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    static final String NAMING = "https://teleconsult.vn/fhir/NamingSystem/";

    /** The FHIR resource that stands for each audited kind of thing that has one (the same id). */
    private static final Map<String, String> FHIR_TYPES = Map.of(
            "Consult", "ServiceRequest",
            "Booking", "Appointment",
            "Hospital", "Organization",
            "AuditEvent", "AuditEvent");

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private AuditEvents() {}

    static AuditEvent event(AuditRecord r) {
        var e = new AuditEvent();
        e.setId(Long.toString(r.id()));
        switch (r.action()) {
            case LOGIN -> e.setType(dcm("110114", "User Authentication")).addSubtype(dcm("110122", "Login"));
            case LOGOUT -> e.setType(dcm("110114", "User Authentication")).addSubtype(dcm("110123", "Logout"));
            case EXPORT -> e.setType(dcm("110106", "Export"));
            default ->
                e.setType(new Coding(EVENT_TYPE, "rest", "RESTful Operation")).addSubtype(interaction(r.action()));
        }
        e.setAction(
                switch (r.action()) {
                    case CREATE -> AuditEventAction.C;
                    case READ, LOGIN, LOGOUT, EXPORT -> AuditEventAction.R;
                    case UPDATE -> AuditEventAction.U;
                    case DELETE -> AuditEventAction.D;
                    case EXECUTE -> AuditEventAction.E;
                });
        e.setRecorded(Date.from(r.occurredAt()));
        e.setOutcome(
                switch (r.outcome()) {
                    case SUCCESS -> AuditEvent.AuditEventOutcome._0;
                    case DENIED -> AuditEvent.AuditEventOutcome._4;
                    case FAILED -> AuditEvent.AuditEventOutcome._8;
                });
        if (r.detail() != null) {
            e.setOutcomeDesc(r.detail());
        }
        var user = e.addAgent().setRequestor(true);
        user.setType(new CodeableConcept(
                r.action() == AuditAction.READ || r.action() == AuditAction.EXPORT
                        ? new Coding(PARTICIPATION, "IRCP", "information recipient")
                        : new Coding(PARTICIPATION, "AUT", "author (originator)")));
        if (r.actorId() != null) {
            user.setWho(new Reference()
                    .setIdentifier(new Identifier().setSystem(NAMING + "user").setValue(r.actorId()))
                    .setDisplay(r.actorName()));
            user.setAltId(r.actorId());
        } else {
            user.setWho(new Reference().setDisplay(r.actorName() == null ? "anonymous" : r.actorName()));
        }
        if (r.sourceAddress() != null) {
            user.getNetwork().setAddress(r.sourceAddress()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        if (r.actorHospital() != null) {
            e.addAgent()
                    .setRequestor(false)
                    .setWho(new Reference("Organization/" + r.actorHospital()).setType("Organization"));
        }
        e.addAgent()
                .setRequestor(false)
                .setType(new CodeableConcept(dcm("110152", "Destination Role ID")))
                .setWho(new Reference().setDisplay("TeleConsult"));
        e.getSource()
                .setSite("teleconsult")
                .setObserver(new Reference().setDisplay("TeleConsult"))
                .addType(new Coding(
                        "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        if (r.resourceType() != null) {
            e.addEntity()
                    .setWhat(what(r.resourceType(), r.resourceId()))
                    .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                    .setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
        }
        if (r.patientRef() != null) {
            e.addEntity()
                    .setWhat(new Reference()
                            .setType("Patient")
                            .setIdentifier(new Identifier()
                                    .setSystem(NAMING + "patient-key")
                                    .setValue(r.patientRef())))
                    .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                    .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        return e;
    }

    /**
     * The thing acted on: a reference to its FHIR resource when it is served as one; a DICOM study by its UID;
     * anything else (a video room, a review session, a share link) by an identifier in a system named after its kind.
     */
    static Reference what(String kind, String id) {
        String fhirType = FHIR_TYPES.get(kind);
        if (fhirType != null && id != null && FHIR_ID.matcher(id).matches()) {
            return new Reference(fhirType + "/" + id).setType(fhirType);
        }
        if (kind.equals("ImagingStudy") && id != null) {
            return new Reference()
                    .setType("ImagingStudy")
                    .setIdentifier(new Identifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + id));
        }
        if (id == null) {
            return new Reference().setDisplay(kind);
        }
        String system = NAMING + kind.replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT);
        return new Reference()
                .setIdentifier(new Identifier().setSystem(system).setValue(id))
                .setDisplay(kind);
    }

    private static Coding interaction(AuditAction action) {
        return switch (action) {
            case CREATE -> new Coding(INTERACTION, "create", "create");
            case UPDATE -> new Coding(INTERACTION, "update", "update");
            case DELETE -> new Coding(INTERACTION, "delete", "delete");
            case EXECUTE -> new Coding(INTERACTION, "operation", "operation");
            default -> new Coding(INTERACTION, "read", "read");
        };
    }

    private static Coding dcm(String code, String display) {
        return new Coding(DCM, code, display);
    }
}
