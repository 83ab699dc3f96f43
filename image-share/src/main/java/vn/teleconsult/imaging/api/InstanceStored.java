package vn.teleconsult.imaging.api;

/** CDI event fired after an instance is stored and indexed (not for a repeat of a known instance). */
public record InstanceStored(String studyUid, String seriesUid, String sopInstanceUid, int instanceNumber) {}
