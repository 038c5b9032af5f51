package dev.latchkey.problems.control;

/** The message for an error the HTTP layer itself raised (no route, wrong method or media type…). */
public final class StatusMessages {

    private StatusMessages() {
    }

    /** {@code where} is the method and path, such as {@code "GET /v1/nothing"}. */
    public static String of(ErrorCode code, String where) {
        return switch (code) {
            case NOT_FOUND -> "Unrecognized request URL (" + where + ")";
            case METHOD_NOT_ALLOWED -> "Method not allowed for this URL (" + where + ")";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Content-Type; send application/json";
            case NOT_ACCEPTABLE -> "No acceptable representation; accept application/json";
            case PAYLOAD_TOO_LARGE -> "The request is larger than the server accepts";
            case INVALID_REQUEST -> "The request is malformed, or its body is missing or could not be read";
            case UNAVAILABLE -> "The service is temporarily unavailable; retry shortly";
            case INTERNAL_ERROR -> "An unexpected error occurred; quote the request id when reporting it";
            default -> "Request failed";
        };
    }
}
