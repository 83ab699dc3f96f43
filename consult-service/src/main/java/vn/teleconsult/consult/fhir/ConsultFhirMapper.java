package vn.teleconsult.consult.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.Urgency;
import vn.teleconsult.consult.domain.WorklistFilter;
import vn.teleconsult.consult.service.ConsultService;
import vn.teleconsult.consult.service.ConsultView;
import vn.teleconsult.consult.service.ReportView;
import vn.teleconsult.platform.fhir.Bundles;
import vn.teleconsult.platform.fhir.FhirSearch;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Maps consults to FHIR R4: ServiceRequest (the request), Task (its progress), DiagnosticReport (the report). */
final class ConsultFhirMapper {

    static final String STATE_SYSTEM = "https://teleconsult.vn/fhir/CodeSystem/consult-state";
    static final String STUDY_SYSTEM = "urn:dicom:uid";
    static final String NATIONAL_ID_SYSTEM = "https://teleconsult.vn/fhir/NamingSystem/cccd";
    static final String INSURANCE_SYSTEM = "https://teleconsult.vn/fhir/NamingSystem/bhyt";

    private ConsultFhirMapper() {}

    static ServiceRequest serviceRequest(ConsultView c) {
        var sr = new ServiceRequest();
        sr.setId(c.id().toString());
        sr.getMeta().setVersionId(Long.toString(c.version()));
        sr.setStatus(
                switch (c.state()) {
                    case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
                    case REPORTED, CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
                    case CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
                    default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
                });
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setPriority(
                switch (c.urgency()) {
                    case EMERGENCY -> ServiceRequest.ServiceRequestPriority.STAT;
                    case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
                    case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
                });
        sr.setCode(new CodeableConcept().setText("Hội chẩn từ xa"));
        sr.addCategory(new CodeableConcept().setText(c.specialty()));
        sr.setSubject(patient(c));
        sr.setRequester(new Reference("Practitioner/" + c.requesterId()));
        sr.addPerformer(new Reference("Organization/" + c.hubId()));
        if (c.specialistId() != null) {
            sr.addPerformer(new Reference("Practitioner/" + c.specialistId()));
        }
        sr.addReasonCode(new CodeableConcept().setText(c.question()));
        sr.addNote(new Annotation().setText(c.clinicalSummary()));
        sr.setAuthoredOn(date(c.submittedAt() == null ? c.createdAt() : c.submittedAt()));
        for (String uid : c.studyUids()) {
            sr.addSupportingInfo(new Reference("ImagingStudy/" + uid)
                    .setIdentifier(new Identifier().setSystem(STUDY_SYSTEM).setValue("urn:oid:" + uid)));
        }
        return sr;
    }

    static Task task(ConsultView c) {
        var t = new Task();
        t.setId(c.id().toString());
        t.getMeta().setVersionId(Long.toString(c.version()));
        t.setStatus(taskStatus(c.state()));
        t.setBusinessStatus(new CodeableConcept()
                .setText(c.state().name())
                .addCoding(
                        new org.hl7.fhir.r4.model.Coding(STATE_SYSTEM, c.state().name(), null)));
        t.setIntent(Task.TaskIntent.ORDER);
        t.setFocus(new Reference("ServiceRequest/" + c.id()));
        t.setFor(patient(c));
        t.setRequester(new Reference("Practitioner/" + c.requesterId()));
        if (c.specialistId() != null) {
            t.setOwner(new Reference("Practitioner/" + c.specialistId()));
        } else {
            t.setOwner(new Reference("Organization/" + c.hubId()));
        }
        if (c.declineReason() != null && c.state() == ConsultState.DECLINED) {
            t.setStatusReason(new CodeableConcept().setText(c.declineReason()));
        }
        t.setAuthoredOn(date(c.createdAt()));
        t.setLastModified(date(
                c.history().isEmpty()
                        ? c.createdAt()
                        : c.history().get(c.history().size() - 1).at()));
        if (c.sessionStart() != null) {
            t.setExecutionPeriod(new Period().setStart(date(c.sessionStart())).setEnd(date(c.sessionEnd())));
        }
        return t;
    }

    static Task.TaskStatus taskStatus(ConsultState state) {
        return switch (state) {
            case DRAFT -> Task.TaskStatus.DRAFT;
            case SUBMITTED, ASSIGNED -> Task.TaskStatus.REQUESTED;
            case ACCEPTED, SCHEDULED -> Task.TaskStatus.ACCEPTED;
            case IN_SESSION -> Task.TaskStatus.INPROGRESS;
            case REPORTED, CLOSED -> Task.TaskStatus.COMPLETED;
            case DECLINED -> Task.TaskStatus.REJECTED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
        };
    }

    static DiagnosticReport diagnosticReport(ConsultView c, ReportView r) {
        var d = new DiagnosticReport();
        d.setId(c.id().toString());
        d.getMeta().setVersionId(Long.toString(r.version() + r.addenda().size()));
        d.setStatus(
                r.signedAt() == null
                        ? DiagnosticReport.DiagnosticReportStatus.PRELIMINARY
                        : r.addenda().isEmpty()
                                ? DiagnosticReport.DiagnosticReportStatus.FINAL
                                : DiagnosticReport.DiagnosticReportStatus.APPENDED);
        d.addBasedOn(new Reference("ServiceRequest/" + c.id()));
        d.setCode(new CodeableConcept().setText("Biên bản hội chẩn"));
        d.setSubject(patient(c));
        d.addPerformer(new Reference("Organization/" + c.hubId()));
        d.addResultsInterpreter(new Reference("Practitioner/" + r.authorId()));
        if (r.signedAt() != null) {
            d.setIssued(date(r.signedAt()));
        }
        for (String uid : c.studyUids()) {
            d.addImagingStudy(new Reference("ImagingStudy/" + uid));
        }
        d.setConclusion(r.conclusions());
        d.addPresentedForm()
                .setContentType("application/pdf")
                .setUrl("/api/consults/" + c.id() + "/report/pdf")
                .setTitle("Biên bản hội chẩn");
        return d;
    }

    private static Reference patient(ConsultView c) {
        var ref = new Reference("Patient/" + c.patient().key())
                .setDisplay(c.patient().name());
        if (c.patient().nationalId() != null) {
            ref.setIdentifier(new Identifier()
                    .setSystem(NATIONAL_ID_SYSTEM)
                    .setValue(c.patient().nationalId()));
        } else if (c.patient().insuranceNumber() != null) {
            ref.setIdentifier(new Identifier()
                    .setSystem(INSURANCE_SYSTEM)
                    .setValue(c.patient().insuranceNumber()));
        }
        return ref;
    }

    static String taskCode(ConsultState state) {
        return taskStatus(state).toCode();
    }

    static String serviceRequestCode(ConsultState state) {
        ServiceRequest.ServiceRequestStatus status =
                switch (state) {
                    case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
                    case REPORTED, CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
                    case CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
                    default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
                };
        return status.toCode();
    }

    static String priorityCode(Urgency urgency) {
        ServiceRequest.ServiceRequestPriority priority =
                switch (urgency) {
                    case EMERGENCY -> ServiceRequest.ServiceRequestPriority.STAT;
                    case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
                    case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
                };
        return priority.toCode();
    }

    /** The searched codes, each checked against the element's R4 value set (a typo is a 400, not an empty page). */
    static Set<String> codes(String name, Set<String> codes, Set<String> valid) {
        if (codes == null) {
            return null;
        }
        for (String code : codes) {
            if (!valid.contains(code)) {
                throw ProblemException.badRequest(name + ": '" + (code.length() > 40 ? code.substring(0, 40) : code)
                        + "' is not one of " + String.join(", ", new TreeSet<>(valid)) + ".");
            }
        }
        return codes;
    }

    /** Both id restrictions ({@code _id} and {@code focus}); null when neither is given. */
    static Set<UUID> both(Set<UUID> a, Set<UUID> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        var both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }

    /**
     * The consults a Task or ServiceRequest search matches: the named ones the caller may read, or else the caller's
     * worklist (read only when the page is built).
     */
    static List<ConsultView> matches(
            ConsultService consults, Actor actor, Set<UUID> ids, BiPredicate<ConsultState, Urgency> keep) {
        if (ids == null) {
            List<UUID> found = consults.ids(
                    actor,
                    new WorklistFilter(null, null, null, null),
                    c -> keep.test(c.state(), c.urgency()),
                    FhirSearch.MAX_MATCHES + 1);
            return Bundles.lazily(found, id -> consults.get(actor, id));
        }
        if (ids.size() > FhirSearch.MAX_COUNT) {
            throw ProblemException.badRequest("_id: at most " + FhirSearch.MAX_COUNT + " ids.");
        }
        var found = new ArrayList<ConsultView>();
        for (UUID id : ids) {
            try {
                var c = consults.get(actor, id);
                if (keep.test(c.state(), c.urgency())) {
                    found.add(c);
                }
            } catch (ProblemException e) {
                if (e.status() != 403 && e.status() != 404) {
                    throw e;
                }
            }
        }
        return found;
    }

    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No resource " + value + ".");
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
