package dev.latchkey.problems.control;

/** The request body is larger than the endpoint takes; nothing was read into the domain. */
public class PayloadTooLargeException extends DomainException {

    public PayloadTooLargeException(long limit) {
        super(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + limit + " bytes");
    }
}
