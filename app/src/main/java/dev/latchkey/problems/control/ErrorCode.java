package dev.latchkey.problems.control;

/** The {@code error} values of PRODUCT.md's error table, each with its HTTP status. */
public enum ErrorCode {
    INVALID_REQUEST(400, "invalid_request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    INSUFFICIENT_SCOPE(403, "insufficient_scope"),
    INSUFFICIENT_PERMISSION(403, "insufficient_permission"),
    /** A change asked with the session cookie but without the session's CSRF token. */
    CSRF_TOKEN_INVALID(403, "csrf_token_invalid"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    NOT_ACCEPTABLE(406, "not_acceptable"),
    CONFLICT(409, "conflict"),
    /** A provider connection whose grant is gone: only connecting the provider again helps. */
    RECONNECT_REQUIRED(409, "reconnect_required"),
    /** An Idempotency-Key used with another body, or whose first request is still being served. */
    IDEMPOTENCY_CONFLICT(409, "idempotency_conflict"),
    /** A provider the operator has not given its OAuth client settings: the message names them. */
    PROVIDER_NOT_CONFIGURED(409, "provider_not_configured"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    RATE_LIMITED(429, "rate_limited"),
    INTERNAL_ERROR(500, "internal_error"),
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String wireName;

    ErrorCode(int status, String wireName) {
        this.status = status;
        this.wireName = wireName;
    }

    public int status() {
        return status;
    }

    public String wireName() {
        return wireName;
    }

    public static ErrorCode forStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.status == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
