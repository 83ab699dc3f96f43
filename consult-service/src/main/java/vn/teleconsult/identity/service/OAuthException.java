package vn.teleconsult.identity.service;

/** An error of the token endpoint, answered in the OAuth 2.0 form {@code {"error","error_description"}}. */
public class OAuthException extends RuntimeException {

    private final int status;
    private final String error;
    private final Long retryAfterSeconds;

    public OAuthException(int status, String error, String description) {
        this(status, error, description, null);
    }

    public OAuthException(int status, String error, String description, Long retryAfterSeconds) {
        super(description);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
