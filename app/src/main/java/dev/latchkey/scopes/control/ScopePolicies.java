package dev.latchkey.scopes.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.scopes.entity.Scope;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The field policy for a caller on a site, read fresh from the scopes as they are now, so
 * that editing or deleting a scope changes access on the very next request.
 */
@ApplicationScoped
public class ScopePolicies {

    @PersistenceContext
    EntityManager em;

    public FieldPolicy forCaller(Caller caller, Site site) {
        if (!caller.scoped()) {
            return FieldPolicy.UNRESTRICTED;
        }
        List<Scope> scopes = em.createQuery("select s from Scope s where s.siteId = :site", Scope.class)
                .setParameter("site", site.id()).getResultList();
        List<ScopeEntry> all = new ArrayList<>();
        List<ScopeEntry> held = new ArrayList<>();
        for (Scope scope : scopes) {
            List<ScopeEntry> entries = scope.entries().stream().map(ScopeEntry::parse)
                    .flatMap(java.util.Optional::stream).toList();
            all.addAll(entries);
            if (caller.scopes().contains(scope.id())) {
                held.addAll(entries);
            }
        }
        return FieldPolicy.of(all, held);
    }
}
