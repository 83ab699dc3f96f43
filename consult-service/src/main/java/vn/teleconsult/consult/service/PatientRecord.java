package vn.teleconsult.consult.service;

import java.util.UUID;
import vn.teleconsult.platform.directory.PersonRef;

/**
 * A patient as FHIR shows it: either a consult's patient (id = the consult's pseudonymous patient key) or a portal
 * patient (id = their user id). Exactly one of {@code consult} and {@code portal} is set.
 */
public record PatientRecord(UUID id, ConsultView consult, PersonRef portal) {}
