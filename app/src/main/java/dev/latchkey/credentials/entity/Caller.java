package dev.latchkey.credentials.entity;

import dev.latchkey.network.entity.Cidr;
import dev.latchkey.problems.control.InsufficientPermissionException;
import dev.latchkey.problems.control.NotPermittedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who made the request, as established by authentication: the credential, its team, the
 * member it acts for or the site it belongs to, and its {@link Authority}: what it may reach
 * and do right now. {@code expiresAt} is when the credential itself stops working (for a
 * member's token too, though what it creates is bounded by the member, see {@link #authority}).
 */
public record Caller(CredentialRef credential, TeamRef team, MemberRef member, SiteRef site, Authority authority) {

    /**
     * The credential presented: its kind, id and name, when it stops working (null: never) and
     * the rate limit set on it (null: the kind's default).
     */
    public record CredentialRef(CredentialKind kind, String id, String name, Instant expiresAt, RateLimit rateLimit) {

        /** A credential without a rate limit of its own. */
        public static CredentialRef of(CredentialKind kind, String id, String name, Instant expiresAt) {
            return new CredentialRef(kind, id, name, expiresAt, null);
        }

        public CredentialRef limitedTo(RateLimit limit) {
            return new CredentialRef(kind, id, name, expiresAt, limit);
        }
    }

    /** A limit set on the credential itself: {@code requests} per {@code seconds}. */
    public record RateLimit(int requests, int seconds) {
    }

    public record TeamRef(String id, String name) {
    }

    public record MemberRef(String id, String email, String name, Role role, boolean instanceAdmin) {
    }

    public record SiteRef(String id, String name) {
    }

    /** The authority of a credential of this team, site (or none) and member (or none). */
    public static Authority authority(TeamRef team, SiteRef site, MemberRef member, Optional<Environment> environment,
                                      Set<Permission> permissions, Map<String, Set<Permission>> typePermissions,
                                      boolean scoped, List<String> scopes, List<Cidr> allowedIps, Instant expiresAt) {
        return new Authority(team.id(), site == null ? null : site.id(), environment, permissions, typePermissions,
                scoped, scopes, allowedIps,
                // What a member's token creates is the member's: it is bounded by the member's role, not the token's life.
                member == null ? expiresAt : null, member == null ? null : member.id());
    }

    public CredentialKind kind() {
        return credential.kind();
    }

    public String credentialId() {
        return credential.id();
    }

    public String credentialName() {
        return credential.name();
    }

    public Instant expiresAt() {
        return credential.expiresAt();
    }

    public RateLimit rateLimit() {
        return credential.rateLimit();
    }

    /** The environment it acts in; empty: both (a member's credential, a site's own token). */
    public Optional<Environment> environment() {
        return authority.environment();
    }

    public Set<Permission> permissions() {
        return authority.permissions();
    }

    public Map<String, Set<Permission>> typePermissions() {
        return authority.typePermissions();
    }

    /** Created with scopes: sees restricted fields only through {@link #scopes()} (which may be empty). */
    public boolean scoped() {
        return authority.scoped();
    }

    public List<String> scopes() {
        return authority.scopes();
    }

    /**
     * Whether the caller may do this to documents of this type: through a permission, or
     * through a permission granted for this type only (OAuth scopes such as {@code Customer:read}).
     */
    public boolean mayOnType(String type, Permission permission) {
        return permissions().contains(permission)
                || typePermissions().getOrDefault(type, Set.of()).contains(permission);
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

    /**
     * Refuses, naming the dimension, anything this caller would create or change that its own
     * authority does not cover: the one check behind every credential and grant it makes.
     */
    public void requireCovers(Authority requested, String what) {
        authority.exceededBy(requested).ifPresent(dimension -> {
            throw new InsufficientPermissionException(dimension.wireName(), "This credential cannot create or change "
                    + what + " with more authority than its own: " + dimension.wireName().replace('_', ' ')
                    + " exceeds this credential's");
        });
    }

    public Caller require(Permission permission) {
        if (!permissions().contains(permission)) {
            throw new dev.latchkey.problems.control.LacksPermissionException(permission.wireName(),
                    "This credential lacks the '" + permission.wireName() + "' permission");
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
