package dev.latchkey.tokens.control;

import dev.latchkey.credentials.control.CallerFactory;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.scopes.control.Scopes;
import dev.latchkey.sites.control.SiteCallers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** An API token acts for its site, in its environment, with its permissions and scopes. */
@ApplicationScoped
public class ApiTokenCallers implements CallerFactory {

    @Inject
    SiteCallers sites;

    @Inject
    Scopes scopes;

    @Override
    public CredentialKind kind() {
        return CredentialKind.API_TOKEN;
    }

    @Override
    public Optional<Caller> callerFor(Credential credential) {
        return sites.callerFor(credential, credential.environment(), credential.permissions(), credential.scoped(),
                credential.scoped() ? scopes.heldBy(credential.id()) : List.of());
    }
}
