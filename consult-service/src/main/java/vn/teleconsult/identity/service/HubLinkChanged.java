package vn.teleconsult.identity.service;

import java.util.UUID;

/** Fired inside the transaction that links or unlinks a satellite and a hub, so that {@link HubLinks} can follow. */
public record HubLinkChanged(UUID satelliteId, UUID hubId) {}
