package dev.latchkey.credentials.control;

import dev.latchkey.problems.control.NotPermittedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who made the request, as established by authentication: the credential, its team, the
 * member it acts for or the site it belongs to, and what it may do right now. {@code scoped}
 * says the credential was created with scopes and sees restricted fields only through
 * {@code scopes} (which may have become empty); an unscoped credential is unrestricted.
 */
public record Caller(CredentialKind kind, String credentialId, String credentialName,
                     TeamRef team, MemberRef member, SiteRef site, String environment,
                     Set<Permission> permissions, boolean scoped, List<String> scopes, Instant expiresAt,
                     RateLimit rateLimit, Map<String, Set<Permission>> typePermissions) {

    /** A limit set on the credential itself: {@code requests} per {@code seconds}. */
    public record RateLimit(int requests, int seconds) {
    }

    /** A caller whose credential carries no rate limit of its own (the default applies). */
    public Caller(CredentialKind kind, String credentialId, String credentialName, TeamRef team, MemberRef member,
                  SiteRef site, String environment, Set<Permission> permissions, boolean scoped, List<String> scopes,
                  Instant expiresAt) {
        this(kind, credentialId, credentialName, team, member, site, environment, permissions, scoped, scopes,
                expiresAt, null, Map.of());
    }

    /** The same caller with a credential-level rate limit. */
    public Caller(CredentialKind kind, String credentialId, String credentialName, TeamRef team, MemberRef member,
                  SiteRef site, String environment, Set<Permission> permissions, boolean scoped, List<String> scopes,
                  Instant expiresAt, RateLimit rateLimit) {
        this(kind, credentialId, credentialName, team, member, site, environment, permissions, scoped, scopes,
                expiresAt, rateLimit, Map.of());
    }

    public record TeamRef(String id, String name) {
    }

    public record MemberRef(String id, String email, String name, Role role, boolean instanceAdmin) {
    }

    public record SiteRef(String id, String name) {
    }

    public Caller {
        permissions = Set.copyOf(permissions);
        scopes = List.copyOf(scopes);
        typePermissions = Map.copyOf(typePermissions);
    }

    /**
     * Whether the caller may do this to documents of this type: through a permission, or
     * through a permission granted for this type only (OAuth scopes such as {@code Customer:read}).
     */
    public boolean mayOnType(String type, Permission permission) {
        return permissions.contains(permission) || typePermissions.getOrDefault(type, Set.of()).contains(permission);
    }

    public String teamId() {
        return team.id();
    }

    public boolean isMember() {
        return member != null;
    }

    /** The credential may act on this site: any site of its team, or only its own site. */
    public boolean reaches(String teamId, String siteId) {
        return team.id().equals(teamId) && (site == null || site.id().equals(siteId));
    }

    public Caller require(Permission permission) {
        if (!permissions.contains(permission)) {
            throw new NotPermittedException("This credential lacks the '" + permission.wireName() + "' permission");
        }
        return this;
    }

    public MemberRef requireMember() {
        if (member == null) {
            throw new NotPermittedException("This call needs a member's credential (a personal access token)");
        }
        return member;
    }

    public MemberRef requireOwner(String action) {
        MemberRef who = requireMember();
        if (who.role() != Role.OWNER) {
            throw new NotPermittedException("Only team owners may " + action);
        }
        return who;
    }

    public MemberRef requireInstanceAdmin(String action) {
        MemberRef who = requireMember();
        if (!who.instanceAdmin()) {
            throw new NotPermittedException("Only the instance admin may " + action);
        }
        return who;
    }
}
