package vn.teleconsult.media.janus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import vn.teleconsult.media.MediaSettings;

/**
 * The configured Janus servers and the bridge's own control session on each: {@link #check()} keeps those sessions
 * alive and tells which servers failed or restarted (their rooms, tokens and sessions are gone).
 */
@ApplicationScoped
public class JanusPool {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final ObjectMapper json;

    public JanusPool(MediaSettings settings, ObjectMapper json) {
        this.json = json;
        settings.servers()
                .forEach((name, server) -> members.put(
                        name,
                        new Member(
                                name,
                                new JanusClient(
                                        server.apiUrl(),
                                        server.adminUrl(),
                                        server.adminSecret().orElse(""),
                                        settings.janusTimeout(),
                                        json),
                                server.adminSecret().orElse(""),
                                server.browserUrl())));
    }

    /** One server and the bridge's connection to it. */
    static final class Member {
        final String name;
        final JanusClient client;
        final String adminSecret;
        final URI browserUrl;
        volatile JanusSession session;
        volatile VideoRoomAdmin rooms;

        Member(String name, JanusClient client, String adminSecret, URI browserUrl) {
            this.name = name;
            this.client = client;
            this.adminSecret = adminSecret;
            this.browserUrl = browserUrl;
        }

        boolean healthy() {
            return session != null;
        }
    }

    public Set<String> names() {
        return members.keySet();
    }

    /**
     * Keeps every control session alive and connects to servers that are (back) up. Returns the servers whose
     * session was lost since the last check: Janus died or restarted, so everything the bridge made there is gone.
     */
    public synchronized Set<String> check() {
        Set<String> lost = new LinkedHashSet<>();
        for (Member member : members.values()) {
            JanusSession session = member.session;
            if (session != null) {
                try {
                    session.keepAlive();
                    continue;
                } catch (JanusException e) {
                    Log.warnf("Janus %s lost (%s)", member.name, e.getMessage());
                    member.session = null;
                    member.rooms = null;
                    lost.add(member.name);
                }
            }
            connect(member);
        }
        return lost;
    }

    private void connect(Member member) {
        try {
            String serviceToken = newToken();
            member.client.addToken(serviceToken, List.of(VideoRoomAdmin.PLUGIN));
            JanusSession session = member.client.createSession(serviceToken);
            member.rooms = new VideoRoomAdmin(session.attach(VideoRoomAdmin.PLUGIN), json, member.adminSecret);
            member.session = session;
            Log.infof("Janus %s connected", member.name);
        } catch (JanusException e) {
            Log.debugf("Janus %s not available: %s", member.name, e.getMessage());
        }
    }

    public boolean healthy(String server) {
        Member member = members.get(server);
        return member != null && member.healthy();
    }

    /** The healthy server with the lowest load, e.g. the fewest participants. */
    public Optional<String> pick(ToLongFunction<String> load) {
        return members.values().stream()
                .filter(Member::healthy)
                .map(m -> m.name)
                .min((a, b) -> Long.compare(load.applyAsLong(a), load.applyAsLong(b)));
    }

    /** VideoRoom requests on a server; throws {@link JanusException} (unreachable) when it is not connected. */
    public VideoRoomAdmin rooms(String server) {
        VideoRoomAdmin rooms = member(server).rooms;
        if (rooms == null) {
            throw new JanusException("server " + server + " is not connected", null);
        }
        return rooms;
    }

    public JanusClient client(String server) {
        return member(server).client;
    }

    public URI browserUrl(String server) {
        return member(server).browserUrl;
    }

    private Member member(String server) {
        Member member = members.get(server);
        if (member == null) {
            throw new JanusException("no Janus server named " + server, null);
        }
        return member;
    }

    /** A random token of 32 bytes, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
