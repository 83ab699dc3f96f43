package vn.teleconsult.media.api;

import java.util.List;
import java.util.UUID;

/** What other modules call to open and close video rooms for their sessions, and to record them with consent. */
public interface VideoRooms {

    /** Creates the room in Janus and stores who may join; throws a 503 problem when no Janus server is available. */
    RoomView open(OpenRoom request);

    /** Destroys the room in Janus and revokes every grant; closing a closed room changes nothing. */
    RoomView close(UUID roomId);

    /**
     * Records the open room from now on, with every participant's consent (off by default); the recording is converted
     * into playable files when the room closes.
     */
    RoomView record(UUID roomId, RecordingConsent consent);

    /** The converted files of a room's recording, to attach to the consult; empty until the conversion is done. */
    List<RecordingFile> recordings(UUID roomId);
}
