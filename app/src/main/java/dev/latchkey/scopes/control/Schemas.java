package dev.latchkey.scopes.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.scopes.entity.Scope;
import dev.latchkey.scopes.entity.SiteSchema;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reading and replacing a site's schema. */
@ApplicationScoped
public class Schemas {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Schema of(Site site) {
        SiteSchema stored = em.find(SiteSchema.class, site.id());
        return stored == null ? Schema.EMPTY : Schema.fromJson(stored.definition());
    }

    /**
     * Replaces the schema. A change that would leave a scope entry pointing at nothing is
     * refused (409 naming the scope): remove the entry from the scope first.
     */
    public Schema replace(Site site, Schema schema) {
        SiteSchema stored = em.find(SiteSchema.class, site.id(), LockModeType.PESSIMISTIC_WRITE);
        Schema before = stored == null ? Schema.EMPTY : Schema.fromJson(stored.definition());
        List<Scope> scopes = em.createQuery("select s from Scope s where s.siteId = :site order by s.seq", Scope.class)
                .setParameter("site", site.id()).getResultList();
        for (Scope scope : scopes) {
            for (String entry : scope.entries()) {
                if (ScopeEntry.parse(entry).map(e -> !e.existsIn(schema)).orElse(true)) {
                    throw new ConflictException("Scope '" + scope.name() + "' (" + scope.id() + ") covers " + entry
                            + ", which this schema removes; change the scope first");
                }
            }
        }
        if (stored == null) {
            em.persist(new SiteSchema(site.id(), schema.toJson(), clock.instant()));
        } else {
            stored.replace(schema.toJson(), clock.instant());
        }
        Set<String> added = new TreeSet<>(schema.entries());
        added.removeAll(before.entries());
        Set<String> removed = new TreeSet<>(before.entries());
        removed.removeAll(schema.entries());
        audit.record(site.teamId(), site.id(), "schema.changed", new Target("site", site.id(), site.name()),
                Map.of("added", List.copyOf(added), "removed", List.copyOf(removed)));
        return schema;
    }
}
