package vn.teleconsult.media.ws;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.teleconsult.media.service.MediaPolicy;
import vn.teleconsult.platform.security.TokenWatch;

/**
 * The platform's WebSocket for video participants. Browsers cannot send headers on a WebSocket, so the bearer token
 * comes as the {@code access_token} query parameter ({@code /api/media/ws?access_token=...}) and is verified like any
 * bearer token. Messages are JSON such as {@code {"type":"reconnect","roomId":"..."}} (see {@link Notices}).
 *
 * <p>A socket lives no longer than its token: it closes with code {@value #TOKEN_ENDED} when the token expires or its
 * sign-in is revoked ({@link TokenWatch}), and is refused with the same code when the token is missing or invalid; the
 * client renews its token and connects again.
 */
@WebSocket(path = "/api/media/ws")
public class MediaSocket {

    /** The close code of a socket whose token is missing, invalid, expired or revoked (as HTTP's 401). */
    public static final int TOKEN_ENDED = 4401;

    static final UserData.TypedKey<String> USER = UserData.TypedKey.forString("user");
    static final UserData.TypedKey<TokenWatch.Watch> WATCH = new UserData.TypedKey<>("token-watch");

    private final JWTParser tokens;
    private final Notices notices;
    private final TokenWatch watch;
    private final MediaPolicy policy;

    public MediaSocket(JWTParser tokens, Notices notices, TokenWatch watch, MediaPolicy policy) {
        this.tokens = tokens;
        this.notices = notices;
        this.watch = watch;
        this.policy = policy;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        String raw = queryParam(connection.handshakeRequest().query(), "access_token");
        JsonWebToken token;
        try {
            token = raw == null ? null : tokens.parse(raw);
        } catch (ParseException e) {
            token = null;
        }
        String user = token == null ? null : policy.listener(token).orElse(null);
        if (user == null) {
            connection.closeAndAwait(
                    new CloseReason(TOKEN_ENDED, "A valid access_token of a user is required; sign in again."));
            return;
        }
        connection.userData().put(USER, user);
        notices.register(user, connection);
        connection.userData().put(WATCH, watch.watch(token, why -> end(connection, why)));
        connection.sendTextAndAwait("{\"type\":\"ready\"}");
    }

    private static void end(WebSocketConnection connection, TokenWatch.End why) {
        String reason = why == TokenWatch.End.EXPIRED
                ? "The access token expired; renew it and connect again."
                : "The sign-in was revoked; sign in again.";
        connection
                .close(new CloseReason(TOKEN_ENDED, reason))
                .subscribe()
                .with(ok -> {}, failure -> Log.debugf("Closing a media socket failed: %s", failure));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        TokenWatch.Watch running = connection.userData().get(WATCH);
        if (running != null) {
            running.close();
        }
        String user = connection.userData().get(USER);
        if (user != null) {
            notices.unregister(user, connection);
        }
    }

    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
