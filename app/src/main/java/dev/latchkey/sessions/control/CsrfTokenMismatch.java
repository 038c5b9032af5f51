package dev.latchkey.sessions.control;

import dev.latchkey.problems.control.ErrorCode;
import dev.latchkey.problems.control.NotPermittedException;

/**
 * A request authenticated by the session cookie that would change something without the
 * session's CSRF token in {@code X-CSRF-Token}: it may come from a page of another site.
 */
public class CsrfTokenMismatch extends NotPermittedException {

    public CsrfTokenMismatch(boolean sent) {
        super(ErrorCode.CSRF_TOKEN_INVALID, (sent ? "The X-CSRF-Token header does not match this session"
                : "A request authenticated by the session cookie that changes something needs the X-CSRF-Token "
                        + "header") + "; GET /v1/session answers the session's csrf_token");
    }
}
