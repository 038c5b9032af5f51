package dev.latchkey.credentials.entity;

import dev.latchkey.network.entity.Cidr;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a credential may reach and do, on each dimension least authority is checked on:
 * its team; one site or every site of the team ({@code siteId} null); one environment or both
 * ({@code environment} empty); its permissions, and permissions on single document types; its data
 * scopes ({@code scoped} false: unrestricted); the addresses it may be used from (empty: any);
 * when it stops ({@code expiresAt} null: never, or, for a credential acting for a member, as long
 * as the member's role lasts); and the member it acts for, if any (only a credential acting for
 * a member makes credentials that act for one; which member is the role rules' business).
 * <p>
 * The one rule: whatever a credential creates, changes or reaches is {@linkplain #exceededBy
 * covered} by its own authority on every dimension.
 */
public record Authority(String teamId, String siteId, Optional<Environment> environment, Set<Permission> permissions,
                        Map<String, Set<Permission>> typePermissions, boolean scoped, List<String> scopes,
                        List<Cidr> allowedIps, Instant expiresAt, String memberId) {

    /** The dimensions of an authority, named on the wire when one is exceeded. */
    public enum Dimension {
        TEAM, SITE, ENVIRONMENT, PERMISSIONS, DATA_SCOPES, ADDRESSES, EXPIRY, MEMBER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Authority {
        Objects.requireNonNull(environment, "environment: empty for both");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        typePermissions = Map.copyOf(typePermissions);
        scopes = List.copyOf(scopes);
        allowedIps = List.copyOf(allowedIps);
    }

    /**
     * The first dimension on which {@code requested} is more than this authority, or empty when
     * this authority covers it entirely.
     */
    public Optional<Dimension> exceededBy(Authority requested) {
        if (!teamId.equals(requested.teamId)) {
            return Optional.of(Dimension.TEAM);
        }
        if (siteId != null && !siteId.equals(requested.siteId)) {
            return Optional.of(Dimension.SITE);
        }
        if (environment.isPresent() && !environment.equals(requested.environment)) {
            return Optional.of(Dimension.ENVIRONMENT);
        }
        if (!permissions.containsAll(requested.permissions) || !coversTypePermissions(requested)) {
            return Optional.of(Dimension.PERMISSIONS);
        }
        if (scoped && (!requested.scoped || !scopes.containsAll(requested.scopes))) {
            return Optional.of(Dimension.DATA_SCOPES);
        }
        if (!allowedIps.isEmpty() && (requested.allowedIps.isEmpty()
                || !requested.allowedIps.stream().allMatch(block -> allowedIps.stream().anyMatch(mine -> mine.contains(block))))) {
            return Optional.of(Dimension.ADDRESSES);
        }
        if (expiresAt != null && (requested.expiresAt == null || requested.expiresAt.isAfter(expiresAt))) {
            return Optional.of(Dimension.EXPIRY);
        }
        if (requested.memberId != null && memberId == null) {
            return Optional.of(Dimension.MEMBER);
        }
        return Optional.empty();
    }

    /** Whether something of this team, site and environment is within reach (environment empty: none of its own). */
    public boolean reaches(String team, String site, Optional<Environment> env) {
        return teamId.equals(team) && (siteId == null || siteId.equals(site))
                && (environment.isEmpty() || env.isEmpty() || environment.equals(env));
    }

    /** Whether another credential's whole reach (team, site, environment) lies within this one's. */
    public boolean reaches(Authority other) {
        return teamId.equals(other.teamId) && (siteId == null || siteId.equals(other.siteId))
                && (environment.isEmpty() || environment.equals(other.environment));
    }

    private boolean coversTypePermissions(Authority requested) {
        for (var entry : requested.typePermissions.entrySet()) {
            for (Permission permission : entry.getValue()) {
                if (!permissions.contains(permission)
                        && !typePermissions.getOrDefault(entry.getKey(), Set.of()).contains(permission)) {
                    return false;
                }
            }
        }
        return true;
    }
}
