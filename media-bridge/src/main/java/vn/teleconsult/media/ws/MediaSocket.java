package vn.teleconsult.media.ws;

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

/**
 * The platform's WebSocket for video participants. Browsers cannot send headers on a WebSocket, so the bearer token
 * comes as the {@code access_token} query parameter ({@code /api/media/ws?access_token=...}) and is verified like any
 * bearer token. Messages are JSON such as {@code {"type":"reconnect","roomId":"..."}} (see {@link Notices}).
 */
@WebSocket(path = "/api/media/ws")
public class MediaSocket {

    static final UserData.TypedKey<String> USER = UserData.TypedKey.forString("user");

    private final JWTParser tokens;
    private final Notices notices;

    public MediaSocket(JWTParser tokens, Notices notices) {
        this.tokens = tokens;
        this.notices = notices;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        String token = queryParam(connection.handshakeRequest().query(), "access_token");
        String user;
        try {
            user = token == null ? null : tokens.parse(token).getSubject();
        } catch (ParseException e) {
            user = null;
        }
        if (user == null) {
            connection.closeAndAwait(new CloseReason(1008, "A valid access_token query parameter is required."));
            return;
        }
        connection.userData().put(USER, user);
        notices.register(user, connection);
        connection.sendTextAndAwait("{\"type\":\"ready\"}");
    }

    @OnClose
    void close(WebSocketConnection connection) {
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
