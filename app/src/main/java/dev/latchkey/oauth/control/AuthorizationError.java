package dev.latchkey.oauth.control;

/**
 * An authorization request that fails. When the client or its redirect URI cannot be trusted
 * ({@code redirectUri} null) the error is shown to the user; otherwise it is sent back to the
 * client's redirect URI with the request's {@code state} (RFC 6749 §4.1.2.1).
 */
public class AuthorizationError extends RuntimeException {

    private final String error;
    private final String redirectUri;
    private final String state;

    public AuthorizationError(String error, String description, String redirectUri, String state) {
        super(description, null, false, false);
        this.error = error;
        this.redirectUri = redirectUri;
        this.state = state;
    }

    public static AuthorizationError shown(String description) {
        return new AuthorizationError("invalid_request", description, null, null);
    }

    public String error() {
        return error;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String state() {
        return state;
    }

    public boolean redirectable() {
        return redirectUri != null;
    }
}
