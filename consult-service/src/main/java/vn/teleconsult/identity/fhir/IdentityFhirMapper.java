package vn.teleconsult.identity.fhir;

import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import vn.teleconsult.identity.service.HospitalView;
import vn.teleconsult.identity.service.HubLinkView;
import vn.teleconsult.identity.service.UserView;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.fhir.FhirStrings;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Role;

/** Maps hospitals, hub links and clinical staff to FHIR R4 Organization, OrganizationAffiliation, Practitioner(Role). */
final class IdentityFhirMapper {

    static final String HOSPITAL_CODE_SYSTEM = "https://teleconsult.vn/fhir/NamingSystem/hospital-code";
    static final String USERNAME_SYSTEM = "https://teleconsult.vn/fhir/NamingSystem/username";
    static final String HOSPITAL_KIND_SYSTEM = "https://teleconsult.vn/fhir/CodeSystem/hospital-kind";
    static final String STAFF_ROLE_SYSTEM = "https://teleconsult.vn/fhir/CodeSystem/staff-role";
    static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";
    static final String ORGANIZATION_ROLE = "http://hl7.org/fhir/organization-role";
    static final String PRACTITIONER_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";
    static final String SNOMED = "http://snomed.info/sct";

    /** Specialties (as written in Vietnamese or English, without accents, lower case) and their SNOMED CT codes. */
    private static final Map<String, Coding> SPECIALTIES = Map.ofEntries(
            specialty("chan doan hinh anh", "394914008", "Radiology"),
            specialty("radiology", "394914008", "Radiology"),
            specialty("tim mach", "394579002", "Cardiology"),
            specialty("cardiology", "394579002", "Cardiology"),
            specialty("noi khoa", "419192003", "Internal medicine"),
            specialty("internal medicine", "419192003", "Internal medicine"),
            specialty("than kinh", "394591006", "Neurology"),
            specialty("neurology", "394591006", "Neurology"),
            specialty("ung buou", "394593009", "Medical oncology"),
            specialty("oncology", "394593009", "Medical oncology"),
            specialty("ngoai khoa", "394609007", "General surgery"),
            specialty("surgery", "394609007", "General surgery"),
            specialty("nhi khoa", "394537008", "Pediatric specialty"),
            specialty("pediatrics", "394537008", "Pediatric specialty"),
            specialty("san phu khoa", "394585009", "Obstetrics and gynecology"),
            specialty("ho hap", "418112009", "Pulmonary medicine"),
            specialty("tieu hoa", "394584008", "Gastroenterology"));

    private IdentityFhirMapper() {}

    static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir";
    }

    static Organization organization(HospitalView h) {
        var o = new Organization();
        o.setId(h.id().toString());
        o.getMeta().setVersionId(Long.toString(h.version()));
        o.addIdentifier().setSystem(HOSPITAL_CODE_SYSTEM).setValue(h.code());
        o.setActive(h.active());
        o.addType(new CodeableConcept()
                .addCoding(new Coding(ORGANIZATION_TYPE, "prov", "Healthcare Provider"))
                .addCoding(new Coding(HOSPITAL_KIND_SYSTEM, h.kind().name(), kindDisplay(h.kind())))
                .setText(h.kind() == HospitalKind.HUB ? "Bệnh viện tuyến trên (hub)" : "Bệnh viện vệ tinh"));
        o.setName(h.name());
        if (h.province() != null && !h.province().isBlank()) {
            o.addAddress().setState(h.province()).setCountry("VN");
        }
        return o;
    }

    /** The hub is the primary organization; the satellite, which sends it consults, participates in its network. */
    static OrganizationAffiliation affiliation(HubLinkView l) {
        var a = new OrganizationAffiliation();
        a.setId(l.id().toString());
        a.setActive(l.active());
        a.setOrganization(new Reference("Organization/" + l.hubId()));
        a.setParticipatingOrganization(new Reference("Organization/" + l.satelliteId()));
        a.addCode(new CodeableConcept()
                .addCoding(new Coding(ORGANIZATION_ROLE, "member", "Member"))
                .setText("Bệnh viện vệ tinh gửi hội chẩn đến bệnh viện tuyến trên"));
        return a;
    }

    static Practitioner practitioner(UserView u) {
        var p = new Practitioner();
        p.setId(u.id().toString());
        p.getMeta().setVersionId(Long.toString(u.version()));
        p.addIdentifier().setSystem(USERNAME_SYSTEM).setValue(u.username());
        p.setActive(u.enabled());
        p.addName(new HumanName().setText(u.fullName()));
        if (u.email() != null && !u.email().isBlank()) {
            p.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(u.email())
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        return p;
    }

    /** One PractitionerRole per staff member (same id as the Practitioner): their roles at their hospital. */
    static PractitionerRole practitionerRole(UserView u) {
        var r = new PractitionerRole();
        r.setId(u.id().toString());
        r.getMeta().setVersionId(Long.toString(u.version()));
        r.setActive(u.enabled());
        r.setPractitioner(new Reference("Practitioner/" + u.id()).setDisplay(u.fullName()));
        r.setOrganization(new Reference("Organization/" + u.hospitalId()));
        for (Role role : u.roles()) {
            var code = roleCode(role);
            if (code != null) {
                r.addCode(code);
            }
        }
        if (u.specialty() != null && !u.specialty().isBlank()) {
            var specialty = new CodeableConcept().setText(u.specialty().strip());
            var coding = SPECIALTIES.get(normalize(u.specialty()));
            if (coding != null) {
                specialty.addCoding(coding.copy());
            }
            r.addSpecialty(specialty);
        }
        return r;
    }

    private static CodeableConcept roleCode(Role role) {
        return switch (role) {
            case HUB_SPECIALIST ->
                new CodeableConcept()
                        .addCoding(new Coding(PRACTITIONER_ROLE, "doctor", "Doctor"))
                        .addCoding(new Coding(STAFF_ROLE_SYSTEM, role.name(), "Hub specialist"))
                        .setText("Bác sĩ chuyên khoa tuyến trên");
            case SATELLITE_DOCTOR ->
                new CodeableConcept()
                        .addCoding(new Coding(PRACTITIONER_ROLE, "doctor", "Doctor"))
                        .addCoding(new Coding(STAFF_ROLE_SYSTEM, role.name(), "Satellite doctor"))
                        .setText("Bác sĩ bệnh viện vệ tinh");
            case COORDINATOR ->
                new CodeableConcept()
                        .addCoding(new Coding(STAFF_ROLE_SYSTEM, role.name(), "Coordinator"))
                        .setText("Điều phối viên hội chẩn");
            default -> null;
        };
    }

    /** Whether a FHIR role token (code of either system) names one of the staff member's roles. */
    static boolean hasRole(UserView u, String token) {
        return u.roles().stream()
                .map(IdentityFhirMapper::roleCode)
                .filter(Objects::nonNull)
                .flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> c.getCode().equalsIgnoreCase(token));
    }

    /** Whether a specialty token (a SNOMED CT code) or text names the staff member's specialty. */
    static boolean hasSpecialty(UserView u, String token) {
        if (u.specialty() == null) {
            return false;
        }
        Coding coding = SPECIALTIES.get(normalize(u.specialty()));
        return (coding != null && coding.getCode().equals(token))
                || normalize(u.specialty()).equals(normalize(token));
    }

    private static String kindDisplay(HospitalKind kind) {
        return kind == HospitalKind.HUB ? "Hub hospital" : "Satellite hospital";
    }

    static boolean startsWith(String value, String query) {
        return FhirStrings.startsWith(value, query);
    }

    static String normalize(String text) {
        return FhirStrings.normalize(text);
    }

    /** A {@code true}/{@code false} token, or null when absent. */
    static Boolean bool(String name, String token) {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name + ": true or false.");
        };
    }

    /** A logical id from the path; one that cannot be ours is simply not found. */
    static UUID id(String type, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No " + type + " " + shorten(value) + ".");
        }
    }

    static String shorten(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }

    private static Map.Entry<String, Coding> specialty(String key, String code, String display) {
        return Map.entry(key, new Coding(SNOMED, code, display));
    }
}
