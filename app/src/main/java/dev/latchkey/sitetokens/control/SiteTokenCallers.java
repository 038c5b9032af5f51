package dev.latchkey.sitetokens.control;

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

/** A site token acts for its site with no permission at all: it only reads the site's connections. */
@ApplicationScoped
public class SiteTokenCallers implements CallerFactory {

    @Inject
    SiteCallers sites;

    @Override
    public CredentialKind kind() {
        return CredentialKind.SITE_TOKEN;
    }

    @Override
    public Optional<Caller> callerFor(Credential credential) {
        return sites.callerFor(credential, Optional.empty(), Set.of(), false, List.of());
    }
}
