package vn.teleconsult.imaging.service;

/**
 * What became of one received instance. UIDs are null when the instance could not be read.
 *
 * @param failureReason the PS3.4 / PS3.18 status code when not stored (e.g. 0xC000 cannot understand)
 */
public record StoreResult(
        String studyUid,
        String seriesUid,
        String sopClassUid,
        String sopInstanceUid,
        Status status,
        int failureReason,
        String message) {

    /** STORED: new; DUPLICATE: already held (idempotent success); FAILED: not stored. */
    public enum Status {
        STORED,
        DUPLICATE,
        FAILED
    }

    public static final int CANNOT_UNDERSTAND = 0xC000;
    public static final int NOT_AUTHORIZED = 0x0124;
    public static final int STUDY_MISMATCH = 0xA900;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int PROCESSING_FAILURE = 0x0110;
    /** PS3.4 C-STORE "Duplicate SOP Instance": the UID names another stored instance. */
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;

    public boolean stored() {
        return status != Status.FAILED;
    }

    static StoreResult failed(int reason, String message) {
        return new StoreResult(null, null, null, null, Status.FAILED, reason, message);
    }
}
