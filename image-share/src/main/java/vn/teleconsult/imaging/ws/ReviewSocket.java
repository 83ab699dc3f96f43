package vn.teleconsult.imaging.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.teleconsult.imaging.ImagingSettings;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.service.ReviewLive;
import vn.teleconsult.imaging.service.ReviewLive.Refused;
import vn.teleconsult.platform.security.AccessTokens;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.platform.security.TokenWatch;

/**
 * The live review WebSocket of a consult ({@value ReviewSessions#SOCKET_PATH}{consultId}?access_token=...): members
 * get the session's state at once and every change after; the presenter's messages change the viewing state. The
 * message protocol is in docs/architecture.md ("Review WebSocket protocol").
 */
@WebSocket(path = ReviewSessions.SOCKET_PATH + "{consultId}")
public class ReviewSocket {

    static final UserData.TypedKey<UUID> USER = new UserData.TypedKey<>("review-user");
    static final UserData.TypedKey<UUID> SESSION = new UserData.TypedKey<>("review-session");
    private static final UserData.TypedKey<long[]> RATE = new UserData.TypedKey<>("review-rate");
    private static final UserData.TypedKey<TokenWatch.Watch> WATCH = new UserData.TypedKey<>("review-token-watch");

    static final int CLOSE_BAD_REQUEST = 4400;
    static final int CLOSE_UNAUTHORIZED = 4401;
    static final int MAX_MESSAGE_CHARS = 16_384;

    private final JWTParser tokens;
    private final TokenWatch watch;
    private final ReviewLive live;
    private final ReviewHub hub;
    private final ObjectMapper json;
    private final int maxPerSecond;

    public ReviewSocket(
            JWTParser tokens,
            TokenWatch watch,
            ReviewLive live,
            ReviewHub hub,
            ObjectMapper json,
            ImagingSettings settings) {
        this.tokens = tokens;
        this.watch = watch;
        this.live = live;
        this.hub = hub;
        this.json = json;
        this.maxPerSecond = settings.review().maxMessagesPerSecond();
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        JsonWebToken token = verified(queryParam(connection.handshakeRequest().query(), "access_token"));
        Actor actor = token == null ? null : actor(token);
        if (actor == null) {
            connection.closeAndAwait(
                    new CloseReason(CLOSE_UNAUTHORIZED, "A valid access_token query parameter is required."));
            return;
        }
        UUID consult;
        try {
            consult = UUID.fromString(connection.pathParam("consultId"));
        } catch (IllegalArgumentException e) {
            connection.closeAndAwait(new CloseReason(CLOSE_BAD_REQUEST, "The path must end with a consult id."));
            return;
        }
        var joined = live.join(consult, actor);
        if (joined.isEmpty()) {
            connection.closeAndAwait(new CloseReason(
                    ReviewHub.CLOSE_REMOVED, "Only members of the consult's open review session may connect."));
            return;
        }
        UUID user = actor.userId();
        // the socket lives no longer than the token that let it in: closed at its expiry or revocation
        connection.userData().put(WATCH, watch.watch(token, why -> tokenEnded(connection, why)));
        connection.userData().put(USER, user);
        connection.userData().put(SESSION, joined.get().sessionId());
        connection.userData().put(RATE, new long[2]);
        connection.sendTextAndAwait(hub.state(joined.get(), user).toString());
        hub.register(joined.get().sessionId(), connection, joined.get());
    }

    @OnTextMessage
    void message(WebSocketConnection connection, String text) {
        UUID session = connection.userData().get(SESSION);
        UUID user = connection.userData().get(USER);
        if (session == null || user == null) {
            return;
        }
        if (!withinRate(connection)) {
            error(connection, "too-fast", "At most " + maxPerSecond + " messages a second; this one was dropped.");
            return;
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            error(connection, "too-large", "A message may have at most " + MAX_MESSAGE_CHARS + " characters.");
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (java.io.IOException e) {
            error(connection, "invalid", "Messages are JSON objects with a 'type'.");
            return;
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            error(connection, "invalid", "Messages are JSON objects with a 'type'.");
            return;
        }
        try {
            switch (message.get("type").asText()) {
                case "view" -> live.changeView(session, user, message.get("state"));
                case "request-presenter" -> live.requestPresenter(session, user);
                case "grant-presenter" -> live.grantPresenter(session, user, uuid(message.path("userId")));
                case "decline-presenter" -> live.declinePresenter(session, user);
                case "ping" -> hub.sendOne(connection, json.createObjectNode().put("type", "pong"));
                default ->
                    error(
                            connection,
                            "unknown-type",
                            "Unknown message type; see the review WebSocket protocol in docs/architecture.md.");
            }
        } catch (Refused e) {
            error(connection, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "Review message failed in session %s", session);
            error(connection, "server", "The message could not be handled; try again.");
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        TokenWatch.Watch running = connection.userData().get(WATCH);
        if (running != null) {
            running.close();
        }
        UUID session = connection.userData().get(SESSION);
        if (session != null) {
            hub.unregister(session, connection);
        }
    }

    private boolean withinRate(WebSocketConnection connection) {
        long[] rate = connection.userData().get(RATE);
        long second = System.nanoTime() / 1_000_000_000L;
        if (rate[0] != second) {
            rate[0] = second;
            rate[1] = 0;
        }
        return ++rate[1] <= maxPerSecond;
    }

    private void error(WebSocketConnection connection, String code, String reason) {
        ObjectNode error = json.createObjectNode();
        error.put("type", "error");
        error.put("code", code);
        error.put("message", reason);
        hub.sendOne(connection, error);
    }

    private static UUID uuid(JsonNode value) {
        try {
            return value.isTextual() ? UUID.fromString(value.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Called by the token watch (on its own thread): closes the socket with 4401 and says why. */
    private void tokenEnded(WebSocketConnection connection, TokenWatch.End why) {
        String reason = why == TokenWatch.End.EXPIRED
                ? "The access token expired; connect again with a fresh one."
                : "The sign-in was revoked; sign in again.";
        connection
                .close(new CloseReason(CLOSE_UNAUTHORIZED, reason))
                .subscribe()
                .with(done -> {}, failure -> Log.debugf("Closing a review socket at token end: %s", failure));
    }

    /** The verified token, or null for a missing, invalid or expired one. */
    private JsonWebToken verified(String token) {
        if (token == null) {
            return null;
        }
        try {
            return tokens.parse(token);
        } catch (ParseException e) {
            return null;
        }
    }

    /** The person the token names, or null for a system client or a token without the claims of a person. */
    private static Actor actor(JsonWebToken jwt) {
        try {
            UUID.fromString(jwt.getSubject());
            var roles = EnumSet.noneOf(Role.class);
            for (String group : jwt.getGroups()) {
                try {
                    roles.add(Role.valueOf(group));
                } catch (IllegalArgumentException unknown) {
                    // roles of other applications mean nothing here
                }
            }
            Object hospital = jwt.getClaim(AccessTokens.HOSPITAL_CLAIM);
            UUID hospitalId = hospital == null
                    ? null
                    : UUID.fromString(hospital.toString().replace("\"", ""));
            return new Actor(jwt.getSubject(), jwt.getName(), roles, hospitalId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        var values = new QueryStringDecoder(query, StandardCharsets.UTF_8, false)
                .parameters()
                .get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
