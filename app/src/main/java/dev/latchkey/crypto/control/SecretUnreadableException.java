package dev.latchkey.crypto.control;

/** A sealed secret could not be opened. Never carries any part of the secret. */
public class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String message) {
        super(message);
    }
}
