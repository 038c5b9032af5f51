package dev.latchkey.idempotency.control;

import dev.latchkey.problems.control.DomainException;
import dev.latchkey.problems.control.ErrorCode;

/** The key was used with another body, or its first request is still being served. */
public class IdempotencyConflictException extends DomainException {

    public IdempotencyConflictException(String message) {
        super(ErrorCode.IDEMPOTENCY_CONFLICT, message);
    }
}
