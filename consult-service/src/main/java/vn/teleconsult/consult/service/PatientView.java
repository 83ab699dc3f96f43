package vn.teleconsult.consult.service;

import java.time.LocalDate;
import java.util.UUID;
import vn.teleconsult.consult.domain.Sex;

/** The patient of a consult; {@code key} is the pseudonymous id used in the audit trail. */
public record PatientView(
        UUID key, String name, LocalDate birthDate, Sex sex, String nationalId, String insuranceNumber) {}
