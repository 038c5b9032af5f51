package dev.latchkey.data.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.data.entity.Document;
import dev.latchkey.http.control.JsonP;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.InsufficientScopeException;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.LacksPermissionException;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.problems.control.NotPermittedException;
import dev.latchkey.scopes.control.FieldPolicy;
import dev.latchkey.scopes.control.Schema;
import dev.latchkey.scopes.control.Schemas;
import dev.latchkey.scopes.control.ScopePolicies;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes a site's documents for a caller: {@code read} to get, {@code write} to
 * put, {@code delete} to delete, only in the caller's own environment, and only the fields
 * its scopes allow. A put replaces the fields the caller can see and keeps the ones it
 * cannot, so a scoped key never wipes data it was not allowed to know about.
 */
@ApplicationScoped
public class Documents {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    /** A document, the part of it this caller sees, and whether this call created it. */
    public record Seen(Document document, JsonObject data, boolean created) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    ScopePolicies policies;

    @Inject
    Schemas schemas;

    @Inject
    Clock clock;

    public Seen put(Caller caller, Site site, String type, String id, JsonObject body) {
        Environment environment = environmentOf(caller, type, Permission.WRITE);
        validate(type, id);
        List<String> undeclared = schemas.of(site).undeclared(type, body.keySet());
        if (!undeclared.isEmpty()) {
            throw new InvalidInputException("body", "The schema of " + type + " has no field "
                    + String.join(", ", undeclared));
        }
        FieldPolicy policy = policies.forCaller(caller, site);
        List<String> hidden = policy.hidden(type, body.keySet());
        if (!hidden.isEmpty()) {
            throw new InsufficientScopeException("This credential has no scope covering "
                    + Projection.qualified(type, hidden) + "; nothing was written");
        }
        Document existing = lookup(site, environment, type, id);
        Projection all = Projection.of(type, policy, null);
        if (existing != null) {
            JsonObjectBuilder merged = JsonP.createObjectBuilder();
            parse(existing.body()).forEach((field, value) -> {
                if (!policy.visible(type, field)) {
                    merged.add(field, value);
                }
            });
            body.forEach(merged::add);
            existing.replace(merged.build().toString(), clock.instant());
            return new Seen(existing, all.apply(parse(existing.body())), false);
        }
        Document created = new Document(site.id(), environment, type, id, body.toString(), clock.instant());
        em.persist(created);
        return new Seen(created, all.apply(body), true);
    }

    public Seen get(Caller caller, Site site, String type, String id, String fields) {
        Environment environment = environmentOf(caller, type, Permission.READ);
        validate(type, id);
        Projection projection = Projection.of(type, policies.forCaller(caller, site), fields);
        Document document = lookup(site, environment, type, id);
        if (document == null) {
            throw new NoSuchResourceException("No " + type + " with id '" + id + "' in " + environment.wireName() + " data");
        }
        return new Seen(document, projection.apply(parse(document.body())), false);
    }

    public void delete(Caller caller, Site site, String type, String id) {
        Environment environment = environmentOf(caller, type, Permission.DELETE);
        validate(type, id);
        Document document = lookup(site, environment, type, id);
        if (document == null) {
            throw new NoSuchResourceException("No " + type + " with id '" + id + "' in " + environment.wireName() + " data");
        }
        em.remove(document);
    }

    public Page<Seen> list(Caller caller, Site site, String type, String fields, PageRequest request) {
        Environment environment = environmentOf(caller, type, Permission.READ);
        validate(type, "x");
        Projection projection = Projection.of(type, policies.forCaller(caller, site), fields);
        return pages.list(Document.class, "e.siteId = :site and e.environment = :environment and e.type = :type",
                        Map.of("site", site.id(), "environment", environment, "type", type), request)
                .map(document -> new Seen(document, projection.apply(parse(document.body())), false));
    }

    private Document lookup(Site site, Environment environment, String type, String id) {
        List<Document> found = em.createQuery("select d from Document d where d.siteId = :site "
                        + "and d.environment = :environment and d.type = :type and d.id = :id", Document.class)
                .setParameter("site", site.id()).setParameter("environment", environment)
                .setParameter("type", type).setParameter("id", id)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Site data is reached with the site's own keys, whose environment chooses the data set. */
    private static Environment environmentOf(Caller caller, String type, Permission needed) {
        if (caller.environment().isEmpty()) {
            throw new NotPermittedException("The data API takes a key of this site (sk_/rk_), "
                    + "whose environment chooses live or test data");
        }
        if (!caller.mayOnType(type, needed)) {
            throw new LacksPermissionException(needed.wireName(), "This credential lacks the '" + needed.wireName()
                    + "' permission for " + type);
        }
        return caller.environment().get();
    }

    private static JsonObject parse(String json) {
        try (var reader = JsonP.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void validate(String type, String id) {
        if (!Schema.TYPE_NAME.matcher(type).matches()) {
            throw new InvalidInputException("type", "A type is a letter then up to 63 letters, digits or _");
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "An id is 1 to 128 letters, digits, '_', '.', ':' or '-'");
        }
    }
}
