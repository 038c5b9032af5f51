package dev.latchkey.connections.entity;

import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A site's authorized link to one provider. The token columns hold sealed values only
 * (see {@code ConnectionCustody}); the entity never exposes them as plaintext.
 */
@Entity
@Table(name = "connections")
public class Connection {

    public static final String ID_PREFIX = "conn_";


    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "site_id")
    private String siteId;

    @Column(name = "provider")
    private String provider;

    @Column(name = "status")
    @Convert(converter = ConnectionStatusColumn.class)
    private ConnectionStatus status;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "account_name")
    private String accountName;

    @Column(name = "granted_scopes")
    private String grantedScopes;

    @Column(name = "access_token")
    private String sealedAccessToken;

    @Column(name = "refresh_token")
    private String sealedRefreshToken;

    @Column(name = "token_type")
    private String tokenType;

    @Column(name = "extras")
    private String extras;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "last_refreshed_at")
    private Instant lastRefreshedAt;

    @Column(name = "refresh_failures")
    private int refreshFailures;

    @Convert(converter = EpochMillis.class)
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "status_reason")
    private String statusReason;

    @Convert(converter = EpochMillis.class)
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "checked_at")
    private Instant checkedAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "refresh_started_at")
    private Instant refreshStartedAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "refresh_interrupted_at")
    private Instant refreshInterruptedAt;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Convert(converter = EpochMillis.class)
    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "connected_by")
    private String connectedBy;

    @Convert(converter = EpochMillis.class)
    @Column(name = "connected_at")
    private Instant connectedAt;

    protected Connection() {
    }

    public Connection(String teamId, String siteId, String provider) {
        this.id = Ids.next(ID_PREFIX);
        this.teamId = teamId;
        this.siteId = siteId;
        this.provider = provider;
    }

    /** Records a (re)connection: a new grant replaces the old one whole. */
    public void connect(String account, String name, List<String> scopes, String connectedBy, Instant now) {
        this.status = ConnectionStatus.ACTIVE;
        this.accountId = account;
        this.accountName = name;
        this.grantedScopes = String.join(" ", scopes);
        this.connectedBy = connectedBy;
        this.connectedAt = now;
        this.lastRefreshedAt = null;
        this.refreshFailures = 0;
        this.nextAttemptAt = null;
        this.lastError = null;
        this.statusReason = null;
        this.lastAttemptAt = null;
        this.refreshInterruptedAt = null;
        this.checkedAt = now;
    }

    /** Stores sealed tokens and what goes with them. */
    public void store(String sealedAccess, String sealedRefresh, String type, Instant expiry, List<String> scopes,
                      String extrasJson) {
        this.sealedAccessToken = sealedAccess;
        this.sealedRefreshToken = sealedRefresh;
        this.tokenType = type;
        this.expiresAt = expiry;
        this.grantedScopes = String.join(" ", scopes);
        this.extras = extrasJson;
    }

    public void refreshed(Instant now) {
        this.status = ConnectionStatus.ACTIVE;
        this.lastRefreshedAt = now;
        this.lastAttemptAt = now;
        this.refreshFailures = 0;
        this.nextAttemptAt = null;
        this.lastError = null;
        this.refreshInterruptedAt = null;
    }

    /**
     * A failure worth retrying at {@code retryAt}. {@code failures} is the count of consecutive
     * failures the back-off is computed from (see {@code RefreshPolicy}).
     */
    public void refreshPostponed(String error, int failures, Instant now, Instant retryAt) {
        this.refreshFailures = failures;
        this.lastError = error;
        this.lastAttemptAt = now;
        this.nextAttemptAt = retryAt;
    }

    /** The grant is gone: nothing is handed out or retried until the provider is connected again. */
    public void reconnectRequired(String reason, Instant now) {
        this.status = ConnectionStatus.RECONNECT_REQUIRED;
        this.statusReason = reason;
        this.lastAttemptAt = now;
        this.nextAttemptAt = null;
    }

    /** A refresh that failed for good: the grant is gone. */
    public void refreshFailed(String error, String reason, Instant now) {
        this.refreshFailures++;
        this.lastError = error;
        reconnectRequired(reason, now);
    }

    /** A refresh whose holder died (its lease expired with the in-flight marker set) was taken over. */
    public void refreshInterrupted(Instant startedAt) {
        if (this.refreshInterruptedAt == null) {
            this.refreshInterruptedAt = startedAt;
        }
    }

    /** The token was checked with the provider now. */
    public void checked(Instant now) {
        this.checkedAt = now;
    }

    /** Holds the lease (and the durable in-flight marker) until {@code until}. */
    public void lease(String owner, Instant now, Instant until) {
        this.leaseOwner = owner;
        this.leaseUntil = until;
        this.refreshStartedAt = now;
    }

    /** Ends the lease and clears the in-flight marker. */
    public void endLease() {
        this.leaseOwner = null;
        this.leaseUntil = null;
        this.refreshStartedAt = null;
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String siteId() {
        return siteId;
    }

    public String provider() {
        return provider;
    }

    public ConnectionStatus status() {
        return status;
    }

    public String accountId() {
        return accountId;
    }

    public String accountName() {
        return accountName;
    }

    public List<String> grantedScopes() {
        return grantedScopes == null || grantedScopes.isBlank() ? List.of() : List.of(grantedScopes.split(" "));
    }

    public String sealedAccessToken() {
        return sealedAccessToken;
    }

    public String sealedRefreshToken() {
        return sealedRefreshToken;
    }

    public String tokenType() {
        return tokenType;
    }

    public String extras() {
        return extras;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastRefreshedAt() {
        return lastRefreshedAt;
    }

    public int refreshFailures() {
        return refreshFailures;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    /** When the refresh now in flight (or whose holder died) started; null when none is. */
    public Instant refreshStartedAt() {
        return refreshStartedAt;
    }

    /** When a refresh that was interrupted started, until the connection is refreshed or marked. */
    public Instant refreshInterruptedAt() {
        return refreshInterruptedAt;
    }

    public boolean active() {
        return status == ConnectionStatus.ACTIVE;
    }

    public boolean refreshable() {
        return sealedRefreshToken != null;
    }

    public String connectedBy() {
        return connectedBy;
    }

    public Instant connectedAt() {
        return connectedAt;
    }
}
