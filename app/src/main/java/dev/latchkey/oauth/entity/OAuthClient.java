package dev.latchkey.oauth.entity;

import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.EnvironmentColumn;
import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An OAuth client of one site: confidential (with a sealed secret) or public. */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "oauth_clients")
public class OAuthClient {

    public static final String ID_PREFIX = "client_";
    public static final String CONFIDENTIAL = "confidential";
    public static final String PUBLIC = "public";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "site_id")
    private String siteId;

    @Column(name = "name")
    private String name;

    @Column(name = "client_type")
    private String type;

    @Column(name = "environment")
    @Convert(converter = EnvironmentColumn.class)
    private Environment environment;

    @Column(name = "secret")
    private String sealedSecret;

    @Column(name = "secret_last4")
    private String secretLast4;

    @Column(name = "redirect_uris")
    private String redirectUris;

    @Column(name = "grant_types")
    private String grantTypes;

    @Column(name = "scopes")
    private String scopes;

    /** Public keys (a JWK Set) the client signs its own JWTs with; null when none are registered. */
    @Column(name = "jwks")
    private String jwks;

    /** Web origins set explicitly for CORS, one per line; null when derived from the redirect URIs. */
    @Column(name = "allowed_origins")
    private String allowedOrigins;

    @Column(name = "created_by")
    private String createdBy;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    protected OAuthClient() {
    }

    public OAuthClient(String teamId, String siteId, String name, String type, Environment environment,
                       List<String> redirectUris, List<String> grantTypes, List<String> scopes, String createdBy,
                       Instant createdAt) {
        this.id = Ids.next(ID_PREFIX);
        this.teamId = teamId;
        this.siteId = siteId;
        this.name = name;
        this.type = type;
        this.environment = environment;
        this.redirectUris = String.join("\n", redirectUris);
        this.grantTypes = String.join(" ", grantTypes);
        this.scopes = String.join(" ", scopes);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void secret(String sealed, String last4) {
        this.sealedSecret = sealed;
        this.secretLast4 = last4;
    }

    public void registerKeys(String jwkSet) {
        this.jwks = jwkSet;
    }

    public void allowOrigins(List<String> origins) {
        this.allowedOrigins = origins == null ? null : String.join("\n", origins);
    }

    /** The origins set explicitly, or null when they follow the redirect URIs. */
    public List<String> explicitOrigins() {
        return allowedOrigins == null ? null : allowedOrigins.isEmpty() ? List.of() : List.of(allowedOrigins.split("\n"));
    }

    public String jwks() {
        return jwks;
    }

    public boolean confidential() {
        return CONFIDENTIAL.equals(type);
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

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public Environment environment() {
        return environment;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public String secretLast4() {
        return secretLast4;
    }

    public List<String> redirectUris() {
        return redirectUris.isEmpty() ? List.of() : List.of(redirectUris.split("\n"));
    }

    public List<String> grantTypes() {
        return grantTypes.isBlank() ? List.of() : List.of(grantTypes.split(" "));
    }

    public List<String> scopes() {
        return scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
