package dev.latchkey.connections.control;

import dev.latchkey.problems.control.DomainException;
import dev.latchkey.problems.control.ErrorCode;

/** A connection was asked of a provider the operator has not given OAuth client settings. */
public class ProviderNotConfiguredException extends DomainException {

    public ProviderNotConfiguredException(String message) {
        super(ErrorCode.PROVIDER_NOT_CONFIGURED, message);
    }
}
