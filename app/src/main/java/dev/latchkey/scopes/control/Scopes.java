package dev.latchkey.scopes.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.InvalidField;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.scopes.entity.CredentialScope;
import dev.latchkey.scopes.entity.Scope;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A site's scopes. Every entry must name a type (and field) of the site's schema. Only
 * owners delete scopes; deleting one makes its fields public unless another scope still
 * covers them.
 */
@ApplicationScoped
public class Scopes {

    @PersistenceContext
    EntityManager em;

    @Inject
    Schemas schemas;

    @Inject
    Pages pages;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Scope create(Site site, String name, List<String> entries) {
        List<String> valid = validEntries(site, entries);
        requireUniqueName(site, name, null);
        Scope scope = new Scope(site.id(), name, valid, clock.instant());
        em.persist(scope);
        em.flush();
        audit.record(site.teamId(), site.id(), "scope.created", target(scope), Map.of("fields", valid));
        return scope;
    }

    /** Newest first; {@code filter} keeps scopes with an entry whose text contains it (any case). */
    public Page<Scope> list(Site site, String filter, PageRequest request) {
        Map<String, Object> parameters = new HashMap<>(Map.of("site", site.id()));
        String where = "e.siteId = :site";
        if (filter != null && !filter.isBlank()) {
            where += " and lower(e.entries) like :filter escape '!'";
            parameters.put("filter", "%" + filter.trim().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return pages.list(Scope.class, where, parameters, request);
    }

    public Scope find(Site site, String scopeId) {
        Scope scope = scopeId == null ? null : em.find(Scope.class, scopeId);
        if (scope == null || !scope.siteId().equals(site.id())) {
            throw new NoSuchResourceException("scope", scopeId);
        }
        return scope;
    }

    /** Replaces name and entries; every credential holding the scope sees the change next request. */
    public Scope update(Site site, String scopeId, String name, List<String> entries) {
        Scope scope = find(site, scopeId);
        List<String> valid = validEntries(site, entries);
        requireUniqueName(site, name, scope.id());
        List<String> added = new ArrayList<>(valid);
        added.removeAll(scope.entries());
        List<String> removed = new ArrayList<>(scope.entries());
        removed.removeAll(valid);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("added", added);
        details.put("removed", removed);
        if (!scope.name().equals(name)) {
            details.put("renamed_from", scope.name());
        }
        scope.change(name, valid, clock.instant());
        audit.record(site.teamId(), site.id(), "scope.updated", target(scope), details);
        return scope;
    }

    public void delete(Caller caller, Site site, String scopeId) {
        Scope scope = find(site, scopeId);
        caller.requireOwner("delete scopes");
        long holders = em.createQuery("select count(c) from CredentialScope c where c.scopeId = :scope", Long.class)
                .setParameter("scope", scope.id()).getSingleResult();
        em.createQuery("delete from CredentialScope c where c.scopeId = :scope")
                .setParameter("scope", scope.id()).executeUpdate();
        em.remove(scope);
        audit.record(site.teamId(), site.id(), "scope.deleted", target(scope),
                Map.of("fields", scope.entries(), "credentials_holding", holders));
    }

    /** The credentials holding a scope, so an owner can see who a change affects. */
    public List<Credential> holders(Site site, String scopeId) {
        Scope scope = find(site, scopeId);
        return em.createQuery("select c from Credential c where c.id in "
                        + "(select h.credentialId from CredentialScope h where h.scopeId = :scope) order by c.seq",
                Credential.class).setParameter("scope", scope.id()).getResultList();
    }

    /** Gives a new credential its scopes, each of which must belong to the credential's site. */
    public void grant(Credential credential, List<String> scopeIds) {
        if (scopeIds.isEmpty()) {
            return;
        }
        for (String scopeId : new LinkedHashSet<>(scopeIds)) {
            Scope scope = scopeId == null ? null : em.find(Scope.class, scopeId);
            if (scope == null || !scope.siteId().equals(credential.siteId())) {
                throw new InvalidInputException("scopes", "Unknown scope '" + scopeId + "' for this site");
            }
        }
        // The credential row must exist before rows that reference it.
        em.flush();
        new LinkedHashSet<>(scopeIds).forEach(scopeId -> em.persist(new CredentialScope(credential.id(), scopeId)));
    }

    public List<String> heldBy(String credentialId) {
        return em.createQuery("select c.scopeId from CredentialScope c where c.credentialId = :credential "
                + "order by c.scopeId", String.class).setParameter("credential", credentialId).getResultList();
    }

    private List<String> validEntries(Site site, List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new InvalidInputException("fields", "A scope needs at least one Type.field or Type.* entry");
        }
        Schema schema = schemas.of(site);
        List<InvalidField> problems = new ArrayList<>();
        LinkedHashSet<String> valid = new LinkedHashSet<>();
        for (String text : entries) {
            var entry = ScopeEntry.parse(text == null ? null : text.trim());
            if (entry.isEmpty()) {
                problems.add(new InvalidField("fields", "'" + text + "' is not Type.field or Type.*"));
            } else if (!entry.get().existsIn(schema)) {
                problems.add(new InvalidField("fields", "'" + text + "' is not in the site's schema"));
            } else {
                valid.add(entry.get().toString());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).message(), problems);
        }
        return List.copyOf(valid);
    }

    private void requireUniqueName(Site site, String name, String exceptId) {
        List<String> same = em.createQuery("select s.id from Scope s where s.siteId = :site and s.name = :name",
                String.class).setParameter("site", site.id()).setParameter("name", name).getResultList();
        if (same.stream().anyMatch(id -> !id.equals(exceptId))) {
            throw new ConflictException("A scope named '" + name + "' already exists on this site");
        }
    }

    private static Target target(Scope scope) {
        return new Target("scope", scope.id(), scope.name());
    }
}
