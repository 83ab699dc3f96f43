package vn.teleconsult.media.api;

import java.util.List;
import java.util.UUID;

/**
 * What other modules call to open and close video rooms for the sessions they own, and to ask for a recording. The
 * caller has checked that the actor may act on the reference; the room itself checks nothing more on these calls.
 */
public interface VideoRooms {

    /** Creates the room in Janus and stores who may join; throws a 503 problem when no Janus server is available. */
    RoomView open(OpenRoom request);

    /** Destroys the room in Janus and revokes every grant; closing a closed room changes nothing. */
    RoomView close(UUID roomId);

    /**
     * Asks the room's participants to consent to a recording (off by default): each is told over the media WebSocket
     * and confirms for themself ({@code POST /api/media/rooms/{id}/recording/consent}); Janus records from the moment
     * the last of them consented. The answer's {@code recording} is {@code REQUESTED}. The recording is converted into
     * playable files when the room closes; a request nobody completed is {@code CANCELLED} then.
     *
     * @param requestedBy who asked, for the record (e.g. the consult's specialist's user id)
     */
    RoomView requestRecording(UUID roomId, String requestedBy);

    /** The converted files of a room's recording, to attach to the consult; empty until the conversion is done. */
    List<RecordingFile> recordings(UUID roomId);
}
