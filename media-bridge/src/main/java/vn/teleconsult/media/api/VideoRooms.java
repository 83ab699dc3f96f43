package vn.teleconsult.media.api;

import java.util.UUID;

/** What other modules call to open and close video rooms for their sessions. */
public interface VideoRooms {

    /** Creates the room in Janus and stores who may join; throws a 503 problem when no Janus server is available. */
    RoomView open(OpenRoom request);

    /** Destroys the room in Janus and revokes every grant; closing a closed room changes nothing. */
    RoomView close(UUID roomId);
}
