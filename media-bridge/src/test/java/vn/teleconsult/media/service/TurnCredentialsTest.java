package vn.teleconsult.media.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.teleconsult.media.MediaSettings;

class TurnCredentialsTest {

    private static MediaSettings.Turn turn(List<String> urls, String secret) {
        return new MediaSettings.Turn() {
            @Override
            public Optional<List<String>> urls() {
                return Optional.ofNullable(urls);
            }

            @Override
            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public Duration credentialLifetime() {
                return Duration.ofHours(2);
            }
        };
    }

    @Test
    void shouldIssueCoturnRestApiCredentials() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
        var credentials = new TurnCredentials(turn(List.of("turn:turn.example.vn:3478"), "north"), clock);
        IceServer server = credentials.iceServers("user-1").get(0);
        assertEquals("1700007200:user-1", server.username());
        // echo -n 1700007200:user-1 | openssl dgst -sha1 -hmac north -binary | base64
        assertEquals("xBjP0+sfosmrnvrjR4ui4W9Xlik=", server.credential());
        assertEquals(List.of("turn:turn.example.vn:3478"), server.urls());
    }

    @Test
    void shouldGiveUrlsWithoutCredentialsWithoutSecretAndNothingWithoutUrls() {
        var noSecret = new TurnCredentials(turn(List.of("stun:stun.example.vn"), null), Clock.systemUTC());
        assertNull(noSecret.iceServers("u").get(0).username());
        assertEquals(List.of(), new TurnCredentials(turn(null, "s"), Clock.systemUTC()).iceServers("u"));
    }
}
