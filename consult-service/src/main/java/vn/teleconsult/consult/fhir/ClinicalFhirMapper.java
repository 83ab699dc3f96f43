package vn.teleconsult.consult.fhir;

import java.sql.Date;
import java.util.LinkedHashSet;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import vn.teleconsult.consult.domain.Sex;
import vn.teleconsult.consult.service.ConsultView;
import vn.teleconsult.consult.service.PatientRecord;
import vn.teleconsult.consult.service.StudyRecord;
import vn.teleconsult.imaging.api.StudyOutline;
import vn.teleconsult.imaging.api.StudyOutlines;

/** Maps consults' patients, portal patients and consults' studies to FHIR R4 Patient and ImagingStudy. */
final class ClinicalFhirMapper {

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String URI = "urn:ietf:rfc:3986";
    static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String USERNAME_SYSTEM = "https://teleconsult.vn/fhir/NamingSystem/username";

    private ClinicalFhirMapper() {}

    static Patient patient(PatientRecord record) {
        var p = new Patient();
        p.setId(record.id().toString());
        p.setActive(true);
        if (record.consult() != null) {
            var c = record.consult();
            var patient = c.patient();
            if (patient.nationalId() != null) {
                p.addIdentifier()
                        .setSystem(ConsultFhirMapper.NATIONAL_ID_SYSTEM)
                        .setValue(patient.nationalId());
            }
            if (patient.insuranceNumber() != null) {
                p.addIdentifier().setSystem(ConsultFhirMapper.INSURANCE_SYSTEM).setValue(patient.insuranceNumber());
            }
            p.addName(new HumanName().setText(patient.name()));
            p.setGender(gender(patient.sex()));
            if (patient.birthDate() != null) {
                p.setBirthDate(Date.valueOf(patient.birthDate()));
            }
            p.setManagingOrganization(new Reference("Organization/" + c.requestingHospitalId()));
        } else {
            var person = record.portal();
            p.setActive(person.enabled());
            p.addIdentifier().setSystem(USERNAME_SYSTEM).setValue(person.username());
            p.addName(new HumanName().setText(person.fullName()));
            if (person.email() != null && !person.email().isBlank()) {
                p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(person.email());
            }
        }
        return p;
    }

    static AdministrativeGender gender(Sex sex) {
        if (sex == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (sex) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    /** The study (id: its StudyInstanceUID) with its series and instances, retrievable at the WADO-RS Endpoint. */
    static ImagingStudy imagingStudy(StudyRecord record) {
        StudyOutline o = record.outline();
        ConsultView first = record.consults().get(0);
        var s = new ImagingStudy();
        s.setId(o.studyUid());
        s.addIdentifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + o.studyUid());
        if (o.accessionNumber() != null) {
            s.addIdentifier()
                    .setValue(o.accessionNumber())
                    .getType()
                    .addCoding(new Coding(V2_0203, "ACSN", "Accession ID"));
        }
        s.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
        s.setSubject(new Reference("Patient/" + first.patient().key()));
        for (ConsultView c : record.consults()) {
            s.addBasedOn(new Reference("ServiceRequest/" + c.id()));
        }
        if (o.started() != null) {
            s.setStartedElement(new DateTimeType(o.started().toString()));
        }
        s.addEndpoint(new Reference("Endpoint/" + StudyOutlines.WADO_RS_ENDPOINT));
        s.setNumberOfSeries(o.series().size());
        s.setNumberOfInstances(o.numberOfInstances());
        s.setDescription(o.description());
        var modalities = new LinkedHashSet<String>();
        for (StudyOutline.Series series : o.series()) {
            String modality = modality(series.modality());
            modalities.add(modality);
            var fs = s.addSeries()
                    .setUid(series.seriesUid())
                    .setModality(new Coding(DCM, modality, null))
                    .setDescription(series.description())
                    .setNumberOfInstances(series.instances().size());
            if (series.number() != null && series.number() >= 0) {
                fs.setNumber(series.number());
            }
            for (StudyOutline.Instance i : series.instances()) {
                var fi = fs.addInstance()
                        .setUid(i.sopInstanceUid())
                        .setSopClass(new Coding(URI, "urn:oid:" + i.sopClassUid(), null));
                if (i.number() != null && i.number() >= 0) {
                    fi.setNumber(i.number());
                }
            }
        }
        modalities.forEach(m -> s.addModality(new Coding(DCM, m, null)));
        return s;
    }

    /** A series without Modality is "OT" (other), since FHIR requires one. */
    private static String modality(String modality) {
        return modality == null || modality.isBlank() ? "OT" : modality.strip();
    }
}
