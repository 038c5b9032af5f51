package dev.latchkey.credentials.entity;

import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.network.entity.Cidr;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Any credential: its public handle, a keyed hash of the token (never the token), who it
 * belongs to and what it may do. Immutable once issued, except revocation, expiry by roll,
 * switching it off and on, and the last-used time.
 */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "credentials")
public class Credential {

    public static final String ID_PREFIX = "tok_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private CredentialKind kind;

    @Column(name = "prefix")
    private String prefix;

    @Column(name = "last4")
    private String last4;

    @Column(name = "secret_hash")
    private byte[] secretHash;

    @Column(name = "hash_key_id")
    private String hashKeyId;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "site_id")
    private String siteId;

    @Column(name = "member_id")
    private String memberId;

    @Column(name = "name")
    private String name;

    @Column(name = "permissions")
    private String permissions;

    @Column(name = "environment")
    @Convert(converter = EnvironmentColumn.class)
    private Environment environment;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_by")
    private String createdBy;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "first_used_at")
    private Instant firstUsedAt;

    /** Canonical CIDR blocks, comma-separated; null when any address may use the credential. */
    @Column(name = "allowed_ips")
    private String allowedIps;

    /** {@link #allowedIps} parsed, once per loaded row (the cache keeps the row, so once per load). */
    @jakarta.persistence.Transient
    private volatile List<Cidr> allowedBlocks;

    /** Created with scopes: restricted to them for good, even once they are all deleted. */
    @Column(name = "scoped")
    private boolean scoped;

    @Column(name = "rolled_from")
    private String rolledFrom;

    @Column(name = "rate_limit_requests")
    private Integer rateLimitRequests;

    @Column(name = "rate_limit_seconds")
    private Integer rateLimitSeconds;

    /** The team's own id for whoever holds the key (an API key's owner); null when none was given. */
    @Column(name = "owner_id")
    private String ownerId;

    /** When the key was switched off (it works again once switched on); null when it is on. */
    @Convert(converter = EpochMillis.class)
    @Column(name = "disabled_at")
    private Instant disabledAt;

    /** A JSON object, serialized (at most 4 KiB); null when none was given. */
    @Column(name = "metadata")
    private String metadata;

    protected Credential() {
    }

    public Credential(String publicId, CredentialKind kind, String prefix, String last4,
                      String hashKeyId, byte[] secretHash, String teamId, String name,
                      Set<Permission> permissions, Instant expiresAt, String createdBy, Instant createdAt) {
        this.id = ID_PREFIX + publicId;
        this.kind = kind;
        this.prefix = prefix;
        this.last4 = last4;
        this.hashKeyId = hashKeyId;
        this.secretHash = secretHash.clone();
        this.teamId = teamId;
        this.name = name;
        this.permissions = Permission.encode(permissions);
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public static String idFor(String publicId) {
        return ID_PREFIX + publicId;
    }

    public Credential forMember(String memberId) {
        this.memberId = memberId;
        return this;
    }

    public Credential forSite(String siteId, Environment environment) {
        this.siteId = siteId;
        this.environment = environment;
        return this;
    }

    public Credential restrictedTo(List<Cidr> blocks) {
        this.allowedIps = blocks == null || blocks.isEmpty() ? null
                : blocks.stream().map(Cidr::toString).collect(Collectors.joining(","));
        this.allowedBlocks = null;
        return this;
    }

    public Credential withScopes(boolean hasScopes) {
        this.scoped = hasScopes;
        return this;
    }

    public Credential limitedTo(Integer requests, Integer seconds) {
        this.rateLimitRequests = requests;
        this.rateLimitSeconds = seconds;
        return this;
    }

    /** Sets the owner and the serialized metadata object (either may be null); at issue time only. */
    public Credential ownedBy(String ownerId, String metadataJson) {
        this.ownerId = ownerId;
        this.metadata = metadataJson;
        return this;
    }

    public String ownerId() {
        return ownerId;
    }

    public String metadata() {
        return metadata;
    }

    public Integer rateLimitRequests() {
        return rateLimitRequests;
    }

    public Integer rateLimitSeconds() {
        return rateLimitSeconds;
    }

    public Credential rolledFrom(String previousId) {
        this.rolledFrom = previousId;
        return this;
    }

    /** Whether a request from this address may use the credential (an unknown address only when any may). */
    public boolean allowsAddress(String address) {
        if (allowedIps == null) {
            return true;
        }
        if (address == null) {
            return false; // an allowlist admits only an address it was told
        }
        for (Cidr block : allowedBlocks()) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public List<String> allowedIps() {
        return allowedIps == null ? List.of() : List.of(allowedIps.split(","));
    }

    /** The address allowlist, parsed on first use and kept with the row (empty: any address). */
    public List<Cidr> allowedBlocks() {
        List<Cidr> parsed = allowedBlocks;
        if (parsed == null) {
            parsed = allowedIps().stream().map(Cidr::parse).toList();
            allowedBlocks = parsed;
        }
        return parsed;
    }

    public boolean scoped() {
        return scoped;
    }

    public String rolledFrom() {
        return rolledFrom;
    }

    public void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    /** Switches the credential off (from {@code when}) or, with null, on again. */
    public void disabledFrom(Instant when) {
        this.disabledAt = when;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    /** Ends the credential at {@code when} unless it already ends sooner (used by roll). */
    public void expireBy(Instant when) {
        if (expiresAt == null || when.isBefore(expiresAt)) {
            expiresAt = when;
        }
    }

    public CredentialStatus status(Instant now) {
        if (revokedAt != null) {
            return CredentialStatus.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return CredentialStatus.EXPIRED;
        }
        if (disabledAt != null) {
            return CredentialStatus.DISABLED;
        }
        return CredentialStatus.ACTIVE;
    }

    public boolean isUsable(Instant now) {
        return status(now) == CredentialStatus.ACTIVE;
    }

    public String id() {
        return id;
    }

    public CredentialKind kind() {
        return kind;
    }

    public String prefix() {
        return prefix;
    }

    public String last4() {
        return last4;
    }

    public byte[] secretHash() {
        return secretHash.clone();
    }

    public String hashKeyId() {
        return hashKeyId;
    }

    public String teamId() {
        return teamId;
    }

    public String siteId() {
        return siteId;
    }

    public String memberId() {
        return memberId;
    }

    public String name() {
        return name;
    }

    public Set<Permission> permissions() {
        return Permission.decode(permissions);
    }

    /** A site's key acts in one environment; a member's or a site's own token in none of its own (empty). */
    public Optional<Environment> environment() {
        return Optional.ofNullable(environment);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant firstUsedAt() {
        return firstUsedAt;
    }
}
