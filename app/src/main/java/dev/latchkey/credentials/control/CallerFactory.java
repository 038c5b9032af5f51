package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import java.util.Optional;

/**
 * Turns a verified credential of one kind into a {@link Caller}. Each kind of credential
 * (personal, API, site, OAuth token) provides one; the {@link Authenticator} does the rest.
 */
public interface CallerFactory {

    CredentialKind kind();

    /** The caller, or empty when what the credential acts for is gone (member removed, …). */
    Optional<Caller> callerFor(Credential credential);
}
