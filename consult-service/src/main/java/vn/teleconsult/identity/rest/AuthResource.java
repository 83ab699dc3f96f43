package vn.teleconsult.identity.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.teleconsult.identity.service.OAuthException;
import vn.teleconsult.identity.service.TokenRequest;
import vn.teleconsult.identity.service.TokenService;
import vn.teleconsult.platform.security.CurrentActor;
import vn.teleconsult.platform.security.SigningKeys;

/** The OAuth 2.0 token endpoint, token revocation and the public keys that verify tokens. */
@Path("/api/auth")
@PermitAll
public class AuthResource {

    private final TokenService tokens;
    private final SigningKeys keys;
    private final CurrentActor current;

    public AuthResource(TokenService tokens, SigningKeys keys, CurrentActor current) {
        this.tokens = tokens;
        this.keys = keys;
        this.current = current;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Obtain tokens (grant_type password, client_credentials or refresh_token)")
    public Response token(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        String[] basic = basicCredentials(auth);
        if (basic != null && form != null && (form.containsKey("client_id") || form.containsKey("client_secret"))) {
            // RFC 6749 section 2.3: a client must not use more than one authentication method in a request
            throw OAuthException.invalidRequest(
                    "Authenticate the client either with HTTP Basic or with client_id/client_secret, not both.");
        }
        var request = new TokenRequest(
                single(form, "grant_type"),
                single(form, "username"),
                single(form, "password"),
                single(form, "refresh_token"),
                basic != null ? basic[0] : single(form, "client_id"),
                basic != null ? basic[1] : single(form, "client_secret"));
        var answer = tokens.grant(request, current.remoteAddress().orElse(null));
        return Response.ok(answer)
                .cacheControl(noStore())
                .header("Pragma", "no-cache")
                .build();
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Revoke a refresh token and its sign-in (RFC 7009)")
    public Response revoke(MultivaluedMap<String, String> form) {
        tokens.revoke(single(form, "token"));
        return Response.ok().cacheControl(noStore()).build();
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Public keys that verify the platform's tokens (JWK Set)")
    public String jwks() {
        return keys.jwksJson();
    }

    @ServerExceptionMapper
    public Response oauthError(OAuthException e) {
        var response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON)
                .cacheControl(noStore())
                .header("Pragma", "no-cache")
                .entity(Map.of("error", e.error(), "error_description", e.getMessage()));
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (e.status() == 401) {
            // RFC 6749 section 5.2: invalid_client, the only 401, challenges with the scheme clients use here
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"teleconsult\"");
        }
        return response.build();
    }

    /** RFC 6749 section 3.2: parameters must not be repeated. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthException.invalidRequest(name + " is given more than once.");
        }
        return values.get(0);
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException();
            }
            String id = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            return new String[] {id, secret};
        } catch (IllegalArgumentException e) {
            throw new OAuthException(401, "invalid_client", "The Basic authorization header is malformed.");
        }
    }

    private static CacheControl noStore() {
        var cc = new CacheControl();
        cc.setNoStore(true);
        return cc;
    }
}
