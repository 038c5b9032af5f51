package dev.latchkey.connections.control;

import dev.latchkey.problems.control.ConflictException;

/** A connection was asked of a provider the operator has not given OAuth client settings. */
public class ProviderNotConfiguredException extends ConflictException {

    public ProviderNotConfiguredException(String message) {
        super(message);
    }
}
