package dev.latchkey.oauth.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An authorization code, by the hash of its value: single-use, short-lived, PKCE-bound. */
@Entity
@Table(name = "oauth_codes")
public class OAuthCode {

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "member_id")
    private String memberId;

    @Column(name = "scopes")
    private String scopes;

    @Column(name = "redirect_uri")
    private String redirectUri;

    @Column(name = "code_challenge")
    private String codeChallenge;

    @Column(name = "family_id")
    private String familyId;

    /** OpenID Connect: the request's nonce, for the ID token; null without one. */
    @Column(name = "nonce")
    private String nonce;

    /** When the member signed in (their session started), for the ID token's auth_time. */
    @Convert(converter = EpochMillis.class)
    @Column(name = "auth_time")
    private Instant authTime;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "used_at")
    private Instant usedAt;

    protected OAuthCode() {
    }

    public OAuthCode(String codeHash, String clientId, String memberId, List<String> scopes, String redirectUri,
                     String codeChallenge, String familyId, Instant expiresAt, String nonce, Instant authTime) {
        this.codeHash = codeHash;
        this.clientId = clientId;
        this.memberId = memberId;
        this.scopes = String.join(" ", scopes);
        this.redirectUri = redirectUri;
        this.codeChallenge = codeChallenge;
        this.familyId = familyId;
        this.expiresAt = expiresAt;
        this.nonce = nonce;
        this.authTime = authTime;
    }

    public String nonce() {
        return nonce;
    }

    public Instant authTime() {
        return authTime;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public String clientId() {
        return clientId;
    }

    public String memberId() {
        return memberId;
    }

    public List<String> scopes() {
        return scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String codeChallenge() {
        return codeChallenge;
    }

    public String familyId() {
        return familyId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
