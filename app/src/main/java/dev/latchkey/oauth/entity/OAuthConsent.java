package dev.latchkey.oauth.entity;

import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Consent a member gave a client, remembered until revoked (the grant a member sees and
 * revokes): the scopes allowed so far, so a request within them is not asked again.
 */
@Entity
@Table(name = "oauth_consents")
public class OAuthConsent {

    public static final String ID_PREFIX = "grant_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "member_id")
    private String memberId;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "scopes")
    private String scopes;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "updated_at")
    private Instant updatedAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected OAuthConsent() {
    }

    public OAuthConsent(String teamId, String memberId, String clientId, Instant now) {
        this.id = Ids.next(ID_PREFIX);
        this.teamId = teamId;
        this.memberId = memberId;
        this.clientId = clientId;
        this.scopes = "";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Adds scopes to what was allowed. */
    public void allow(Collection<String> more, Instant now) {
        TreeSet<String> all = new TreeSet<>(scopes());
        all.addAll(more);
        scopes = String.join(" ", all);
        updatedAt = now;
    }

    public boolean covers(Collection<String> requested) {
        return revokedAt == null && scopes().containsAll(requested);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String memberId() {
        return memberId;
    }

    public String clientId() {
        return clientId;
    }

    public List<String> scopes() {
        return scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
