package vn.teleconsult.consult.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.Urgency;
import vn.teleconsult.platform.text.Name;

/**
 * A consult request as the satellite doctor writes it: the patient, the clinical summary, the question, urgency,
 * specialty and hub, studies from the image store, and whether the patient's consent is recorded.
 */
public record ConsultInput(
        @NotNull @Valid PatientInput patient,
        @NotBlank @Size(max = 8000) String clinicalSummary,
        @NotBlank @Size(max = 2000) String question,
        @NotNull Urgency urgency,
        @NotBlank @Name @Size(max = 100) String specialty,
        @NotNull UUID hubId,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> studyUids,
        boolean consentRecorded) {}
