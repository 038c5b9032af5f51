package dev.latchkey.tokens.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.control.CredentialIssuer;
import dev.latchkey.credentials.entity.Authority;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.network.entity.Cidr;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.ConflictException;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.scopes.control.Scopes;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site's API tokens. They are immutable: created, listed, revoked, rolled. Whoever manages
 * them needs the {@code admin} permission; a site's own key manages only keys of its own
 * environment (a test key never reaches live keys). Revoking, switching off and rolling a key
 * raise its site and environment's {@link KeyRevocations} counter first, in the same transaction.
 */
@ApplicationScoped
public class ApiTokens {

    public static final Duration MAX_OVERLAP = Duration.ofDays(7);
    static final int MAX_ALLOWED_IPS = 50;

    /** A validated request for a new token. */
    public record Spec(String name, ApiTokenKind kind, Environment environment, Set<Permission> permissions,
                       Instant expiresAt, List<Cidr> allowedIps, List<String> scopes, Caller.RateLimit rateLimit,
                       KeyOwnership ownership) {
    }

    /** The kinds of credential this collection holds: API keys and verifier keys. */
    static final List<CredentialKind> KINDS = List.of(CredentialKind.API_TOKEN, CredentialKind.VERIFIER);

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialIssuer issuer;

    @Inject
    Pages pages;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Scopes scopes;

    @Inject
    KeyRevocations revocations;

    public CredentialIssuer.Issued create(Caller caller, Site site, Spec spec) {
        caller.requireCovers(new Authority(site.teamId(), site.id(), Optional.of(spec.environment()),
                spec.kind().permissions(spec.permissions()), Map.of(), !spec.scopes().isEmpty(), spec.scopes(),
                spec.allowedIps(), spec.expiresAt(), null), "an API key");
        if (spec.kind() == ApiTokenKind.RESTRICTED && spec.permissions().isEmpty()) {
            throw new InvalidInputException("permissions", "A restricted key needs at least one permission");
        }
        if (spec.expiresAt() != null && !spec.expiresAt().isAfter(clock.instant())) {
            throw new InvalidInputException("expires_at", "expires_at must be in the future");
        }
        var issued = issuer.issue(new CredentialIssuer.Draft(spec.kind().prefix(spec.environment()), site.teamId(),
                null, site.id(), spec.environment(), spec.name(), spec.kind().permissions(spec.permissions()),
                spec.expiresAt(), creator(caller), spec.allowedIps(), !spec.scopes().isEmpty(), null,
                spec.rateLimit()));
        issued.credential().ownedBy(spec.ownership().ownerId(), spec.ownership().metadataJson());
        scopes.grant(issued.credential(), spec.scopes());
        audit.record(site.teamId(), site.id(), "token.created", target(issued.credential()),
                describe(issued.credential()));
        return issued;
    }

    /** The site's API keys, of one environment or (empty) both, of one owner or (null) any. */
    public Page<Credential> list(Site site, Optional<Environment> environment, String ownerId, PageRequest request) {
        Map<String, Object> parameters = new HashMap<>(Map.of("site", site.id(), "kinds", KINDS));
        String where = "e.siteId = :site and e.kind in :kinds";
        if (ownerId != null) {
            where += " and e.ownerId = :owner";
            parameters.put("owner", ownerId);
        }
        if (environment.isPresent()) {
            where += " and e.environment = :environment";
            parameters.put("environment", environment.get());
        }
        return pages.list(Credential.class, where, parameters, request);
    }

    public Credential find(Caller caller, Site site, String tokenId) {
        Credential credential = tokenId == null ? null : em.find(Credential.class, tokenId);
        if (credential == null || !KINDS.contains(credential.kind())
                || !site.id().equals(credential.siteId())
                || (caller.environment().isPresent() && !caller.environment().equals(credential.environment()))) {
            throw new NoSuchResourceException("API token", tokenId);
        }
        return credential;
    }

    /**
     * Irreversible, effective on the next request; revoking twice changes nothing. A key may
     * revoke only keys it covers (a restricted key cannot cut off the site's secret key).
     */
    public Credential revoke(Caller caller, Site site, String tokenId) {
        Credential credential = find(caller, site, tokenId);
        caller.requireCovers(authorityOf(credential), "an API key");
        if (credential.revokedAt() == null) {
            revocations.raise(credential.siteId(), environmentOf(credential));
            credential.revoke(clock.instant());
            audit.record(site.teamId(), site.id(), "token.revoked", target(credential),
                    Map.of("last4", credential.last4(), "environment", environmentOf(credential).wireName()));
        }
        return credential;
    }

    /**
     * Switches a key off or on again (a key it covers, as for revoking); a revoked key stays
     * revoked. Effective on the next request; switching to the state it is in changes nothing.
     */
    public Credential enable(Caller caller, Site site, String tokenId, boolean enabled) {
        Credential credential = find(caller, site, tokenId);
        caller.requireCovers(authorityOf(credential), "an API key");
        if (credential.revokedAt() != null) {
            throw new ConflictException("A revoked key cannot be switched on or off");
        }
        if (enabled == (credential.disabledAt() != null)) {
            if (!enabled) {
                revocations.raise(credential.siteId(), environmentOf(credential));
            }
            credential.disabledFrom(enabled ? null : clock.instant());
            audit.record(site.teamId(), site.id(), enabled ? "token.enabled" : "token.disabled", target(credential),
                    Map.of("last4", credential.last4(), "environment", environmentOf(credential).wireName()));
        }
        return credential;
    }

    /**
     * Issues a replacement with the same settings; the old token keeps working for
     * {@code overlap} (0 to 7 days), then stops.
     */
    public CredentialIssuer.Issued roll(Caller caller, Site site, String tokenId, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new InvalidInputException("expires_in", "expires_in must be between 0 and "
                    + MAX_OVERLAP.toSeconds() + " seconds (7 days)");
        }
        Credential old = find(caller, site, tokenId);
        caller.requireCovers(authorityOf(old), "an API key");
        Instant now = clock.instant();
        if (!old.isUsable(now)) {
            throw new ConflictException("Only an active token can be rolled; this one is " + old.status(now).wireName());
        }
        revocations.raise(old.siteId(), environmentOf(old));
        List<Cidr> allowed = old.allowedBlocks();
        var issued = issuer.issue(new CredentialIssuer.Draft(old.prefix(), old.teamId(), null, old.siteId(),
                environmentOf(old), old.name(), old.permissions(), old.expiresAt(), creator(caller), allowed,
                old.scoped(), old.id(), old.rateLimitRequests() == null ? null
                        : new Caller.RateLimit(old.rateLimitRequests(), old.rateLimitSeconds())));
        issued.credential().ownedBy(old.ownerId(), old.metadata());
        scopes.grant(issued.credential(), scopes.heldBy(old.id()));
        old.expireBy(now.plus(overlap));
        Map<String, Object> created = new LinkedHashMap<>(describe(issued.credential()));
        created.put("rolled_from", old.id());
        audit.record(site.teamId(), site.id(), "token.created", target(issued.credential()), created);
        audit.record(site.teamId(), site.id(), "token.rolled", target(old), Map.of(
                "replacement_id", issued.credential().id(), "expires_at", old.expiresAt().toString(),
                "overlap_seconds", overlap.toSeconds()));
        return issued;
    }

    /** What a stored key may reach and do: what a caller must cover to roll or revoke it. */
    private Authority authorityOf(Credential key) {
        return new Authority(key.teamId(), key.siteId(), key.environment(), key.permissions(), Map.of(), key.scoped(),
                scopesOf(key), key.allowedBlocks(), key.expiresAt(), null);
    }

    /** An API key's environment: every one has one (only a member's credential has none). */
    private static Environment environmentOf(Credential key) {
        return key.environment().orElseThrow(() -> new IllegalStateException("API key " + key.id() + " has no environment"));
    }

    private static String creator(Caller caller) {
        return caller.member() != null ? caller.member().id() : caller.credentialId();
    }

    private static Target target(Credential credential) {
        return new Target("api_token", credential.id(), credential.name());
    }

    public List<String> scopesOf(Credential credential) {
        return credential.scoped() ? scopes.heldBy(credential.id()) : List.of();
    }

    private Map<String, Object> describe(Credential credential) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scopes", scopesOf(credential));
        details.put("prefix", credential.prefix());
        details.put("last4", credential.last4());
        details.put("permissions", Permission.encode(credential.permissions()));
        details.put("allowed_ips", String.join(",", credential.allowedIps()));
        if (credential.ownerId() != null) {
            details.put("owner_id", credential.ownerId());
        }
        details.put("expires_at", credential.expiresAt() == null ? "never" : credential.expiresAt().toString());
        return details;
    }
}
