package vn.teleconsult.media.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Typed VideoRoom requests (create, edit, destroy, exists, list, listparticipants, kick, allowed) over one handle. */
public final class VideoRoomAdmin {

    public static final String PLUGIN = "janus.plugin.videoroom";

    private final JanusHandle handle;
    private final ObjectMapper json;
    private final String adminKey;

    /** @param adminKey the plugin's {@code admin_key}, required by Janus to create rooms */
    public VideoRoomAdmin(JanusHandle handle, ObjectMapper json, String adminKey) {
        this.handle = handle;
        this.json = json;
        this.adminKey = adminKey;
    }

    /**
     * A room to create: private (not listed), without pin, accessible only with a token of {@code allowed}; recorded
     * into {@code recordDir} when that is not null. Only the room secret can switch recording ({@code lock_record}).
     */
    public record RoomSpec(
            long room,
            String description,
            String secret,
            int publishers,
            long bitrate,
            List<String> allowed,
            String recordDir) {

        public RoomSpec(
                long room, String description, String secret, int publishers, long bitrate, List<String> allowed) {
            this(room, description, secret, publishers, bitrate, allowed, null);
        }
    }

    /** A room as {@code list} shows it. */
    public record RoomInfo(long room, String description, int participants, int maxPublishers, long bitrate) {}

    /** A participant as {@code listparticipants} shows it. */
    public record Participant(long id, String display, boolean publisher) {}

    public void create(RoomSpec spec) {
        handle.message(createRequest(spec));
    }

    /** {@link #create} without waiting for Janus's answer (see {@link JanusClient#join}). */
    public CompletableFuture<JsonNode> createAsync(RoomSpec spec) {
        return handle.messageAsync(createRequest(spec));
    }

    private ObjectNode createRequest(RoomSpec spec) {
        ObjectNode body = request("create")
                .put("room", spec.room())
                .put("description", spec.description())
                .put("secret", spec.secret())
                .put("publishers", spec.publishers())
                .put("bitrate", spec.bitrate())
                .put("is_private", true)
                .put("require_pvtid", true)
                .put("notify_joining", true)
                .put("permanent", false)
                .put("lock_record", true)
                .put("admin_key", adminKey);
        if (spec.recordDir() != null) {
            body.put("record", true).put("rec_dir", spec.recordDir());
        }
        var allowed = body.putArray("allowed");
        spec.allowed().forEach(allowed::add);
        return body;
    }

    /** Changes the bitrate cap and publisher limit of a room. */
    public void edit(long room, String secret, long bitrate, int publishers) {
        handle.message(request("edit")
                .put("room", room)
                .put("secret", secret)
                .put("new_bitrate", bitrate)
                .put("new_publishers", publishers));
    }

    /**
     * Records the room from now on into {@code recordDir} (publishers already publishing included): {@code edit} sets
     * the directory, {@code enable_recording} starts the recorders.
     */
    public void startRecording(long room, String secret, String recordDir) {
        handle.message(request("edit").put("room", room).put("secret", secret).put("new_rec_dir", recordDir));
        handle.message(request("enable_recording")
                .put("room", room)
                .put("secret", secret)
                .put("record", true));
    }

    public void destroy(long room, String secret) {
        handle.message(
                request("destroy").put("room", room).put("secret", secret).put("permanent", false));
    }

    public boolean exists(long room) {
        return handle.message(request("exists").put("room", room))
                .path("exists")
                .asBoolean();
    }

    /** Every room, private ones included (the admin key shows them). */
    public List<RoomInfo> list() {
        JsonNode data = handle.message(request("list").put("admin_key", adminKey));
        List<RoomInfo> rooms = new ArrayList<>();
        data.path("list")
                .forEach(r -> rooms.add(new RoomInfo(
                        r.path("room").asLong(),
                        r.path("description").asText(),
                        r.path("num_participants").asInt(),
                        r.path("max_publishers").asInt(),
                        r.path("bitrate").asLong())));
        return rooms;
    }

    public List<Participant> listParticipants(long room) {
        JsonNode data = handle.message(request("listparticipants").put("room", room));
        List<Participant> participants = new ArrayList<>();
        data.path("participants")
                .forEach(p -> participants.add(new Participant(
                        p.path("id").asLong(),
                        p.path("display").asText(null),
                        p.path("publisher").asBoolean())));
        return participants;
    }

    public void kick(long room, String secret, long participant) {
        handle.message(request("kick").put("room", room).put("secret", secret).put("id", participant));
    }

    /** Adds tokens to the room's allowed list. */
    public void allow(long room, String secret, List<String> tokens) {
        allowed(room, secret, "add", tokens);
    }

    /** {@link #allow} without waiting for Janus's answer (see {@link JanusClient#join}). */
    public CompletableFuture<JsonNode> allowAsync(long room, String secret, List<String> tokens) {
        return handle.messageAsync(allowedRequest(room, secret, "add", tokens));
    }

    /** Removes tokens from the room's allowed list: Janus then refuses joins with them. */
    public void disallow(long room, String secret, List<String> tokens) {
        allowed(room, secret, "remove", tokens);
    }

    /** The room's allowed list. */
    public List<String> allowed(long room, String secret) {
        JsonNode data = handle.message(request("allowed")
                .put("room", room)
                .put("secret", secret)
                .put("action", "add")
                .set("allowed", json.createArrayNode()));
        List<String> tokens = new ArrayList<>();
        data.path("allowed").forEach(t -> tokens.add(t.asText()));
        return tokens;
    }

    private void allowed(long room, String secret, String action, List<String> tokens) {
        handle.message(allowedRequest(room, secret, action, tokens));
    }

    private ObjectNode allowedRequest(long room, String secret, String action, List<String> tokens) {
        ObjectNode body =
                request("allowed").put("room", room).put("secret", secret).put("action", action);
        var array = body.putArray("allowed");
        tokens.forEach(array::add);
        return body;
    }

    private ObjectNode request(String request) {
        return json.createObjectNode().put("request", request);
    }
}
