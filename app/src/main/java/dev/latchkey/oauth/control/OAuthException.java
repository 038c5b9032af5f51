package dev.latchkey.oauth.control;

/**
 * An OAuth endpoint's error, answered in RFC 6749 §5.2 form: {@code error} is one of the RFC's
 * codes ({@code invalid_request}, {@code invalid_client}, {@code invalid_grant},
 * {@code unauthorized_client}, {@code unsupported_grant_type}, {@code invalid_scope}).
 */
public class OAuthException extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(401, "invalid_client", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
