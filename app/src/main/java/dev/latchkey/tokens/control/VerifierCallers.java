package dev.latchkey.tokens.control;

import dev.latchkey.credentials.control.CallerFactory;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.sites.control.SiteCallers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A verifier key acts for its site, in its environment, with no permission: the access policy
 * admits it on {@code POST /v1/keys/verify} only, where it sees its site's keys of its environment.
 */
@ApplicationScoped
public class VerifierCallers implements CallerFactory {

    @Inject
    SiteCallers sites;

    @Override
    public CredentialKind kind() {
        return CredentialKind.VERIFIER;
    }

    @Override
    public Optional<Caller> callerFor(Credential credential) {
        return sites.callerFor(credential, credential.environment(), Set.of(), false, List.of());
    }
}
