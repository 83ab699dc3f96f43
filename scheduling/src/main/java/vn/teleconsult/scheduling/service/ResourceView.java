package vn.teleconsult.scheduling.service;

import java.util.UUID;
import vn.teleconsult.scheduling.domain.ResourceKind;

/** A bookable resource. */
public record ResourceView(UUID id, UUID hospitalId, ResourceKind kind, String name) {}
