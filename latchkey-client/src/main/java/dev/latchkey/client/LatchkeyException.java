package dev.latchkey.client;

/**
 * Latchkey could not give an answer (unreachable, timed out, refused the verifier key, answered
 * something unexpected). Callers fail closed. The message never holds the key being verified.
 */
public class LatchkeyException extends RuntimeException {

    private final int status;

    public LatchkeyException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Latchkey's HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
