package dev.latchkey.sites.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A team's sites. A member's credential reaches every site of its team; a site's own
 * credential reaches only that site. Anything else answers 404, as if it did not exist.
 */
@ApplicationScoped
public class Sites {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public Site create(Caller caller, String name) {
        caller.requireMember();
        String trimmed = name.trim();
        Long existing = em.createQuery("select count(s) from Site s where s.teamId = :team and s.name = :name", Long.class)
                .setParameter("team", caller.teamId()).setParameter("name", trimmed).getSingleResult();
        if (existing > 0) {
            throw new ConflictException("A site named '" + trimmed + "' already exists in this team");
        }
        Site site = new Site(caller.teamId(), trimmed, clock.instant());
        em.persist(site);
        em.flush();
        audit.record(site.teamId(), site.id(), "site.created", target(site), Map.of("name", site.name()));
        return site;
    }

    public Page<Site> list(Caller caller, PageRequest request) {
        Map<String, Object> parameters = new HashMap<>(Map.of("team", caller.teamId()));
        String where = "e.teamId = :team";
        if (caller.site() != null) {
            where += " and e.id = :site";
            parameters.put("site", caller.site().id());
        }
        return pages.list(Site.class, where, parameters, request);
    }

    /** The site, if the caller may reach it; otherwise 404 whatever the reason. */
    public Site find(Caller caller, String siteId) {
        Site site = siteId == null ? null : em.find(Site.class, siteId);
        if (site == null || !caller.reaches(site.teamId(), site.id())) {
            throw new NoSuchResourceException("site", siteId);
        }
        return site;
    }

    /** Deletes the site and, with it, every credential that belongs to it. */
    public Site delete(Caller caller, String siteId) {
        Site site = find(caller, siteId);
        caller.requireMember();
        em.remove(site);
        audit.record(site.teamId(), site.id(), "site.deleted", target(site), Map.of("name", site.name()));
        return site;
    }

    private static Target target(Site site) {
        return new Target("site", site.id(), site.name());
    }
}
