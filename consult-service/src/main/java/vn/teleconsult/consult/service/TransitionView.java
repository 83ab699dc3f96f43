package vn.teleconsult.consult.service;

import java.time.Instant;
import vn.teleconsult.consult.domain.ConsultState;

/** One step of a consult's history. */
public record TransitionView(
        ConsultState from, ConsultState to, String actorId, String actorRole, String reason, Instant at) {}
