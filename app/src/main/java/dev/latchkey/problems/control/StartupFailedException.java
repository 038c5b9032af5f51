package dev.latchkey.problems.control;

/** Latchkey cannot start; the message is the one line an operator needs to fix it. */
public class StartupFailedException extends RuntimeException {

    public StartupFailedException(String message) {
        super(message);
    }

    public StartupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
