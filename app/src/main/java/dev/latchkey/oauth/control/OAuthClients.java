package dev.latchkey.oauth.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.control.CredentialCache;
import dev.latchkey.credentials.entity.Authority;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.crypto.control.Digests;
import dev.latchkey.crypto.control.SecretBox;
import dev.latchkey.identifiers.entity.Base62;
import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.oauth.entity.OAuthClient;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A site's OAuth clients. Confidential clients get a secret, shown once and kept sealed;
 * public clients get none. Redirect URIs follow {@link RedirectUris}.
 */
@ApplicationScoped
public class OAuthClients {

    public static final String SECRET_PREFIX = "lcs_";
    static final List<String> GRANT_TYPES = List.of("authorization_code", "client_credentials", "refresh_token");

    /** A client and, when it was just created or rolled, its secret (shown once). */
    public record Registered(OAuthClient client, String secret) {

        @Override
        public String toString() {
            return "Registered[" + client.id() + "]";
        }
    }

    /** What a client is registered with. */
    public record Spec(String name, String type, Environment environment, List<String> redirectUris,
                       List<String> grantTypes, List<String> scopes, String jwks, List<String> allowedOrigins) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    CredentialCache cache;

    @Inject
    Pages pages;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Registered create(Caller caller, Site site, Spec spec) {
        if (!OAuthClient.CONFIDENTIAL.equals(spec.type()) && !OAuthClient.PUBLIC.equals(spec.type())) {
            throw new InvalidInputException("type", "type must be 'confidential' or 'public'");
        }
        List<String> grants = spec.grantTypes() == null || spec.grantTypes().isEmpty()
                ? (OAuthClient.PUBLIC.equals(spec.type()) ? List.of("authorization_code", "refresh_token")
                        : List.of("client_credentials")) : spec.grantTypes();
        for (String grant : grants) {
            if (!GRANT_TYPES.contains(grant)) {
                throw new InvalidInputException("grant_types", "Unsupported grant type '" + grant + "'; supported: "
                        + String.join(", ", GRANT_TYPES));
            }
        }
        if (grants.contains("client_credentials") && OAuthClient.PUBLIC.equals(spec.type())) {
            throw new InvalidInputException("grant_types", "Public clients cannot use client_credentials");
        }
        List<String> scopes = spec.scopes() == null ? OAuthScopes.CLIENT_DEFAULT : spec.scopes();
        List<String> unknown = OAuthScopes.unsupported(scopes);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("scopes", "Unknown scope '" + unknown.get(0) + "'; use "
                    + String.join(", ", OAuthScopes.SUPPORTED) + ", <Type>:read or <Type>:write");
        }
        // Its tokens act in the client's environment with the permissions of its scopes (and no data scopes).
        caller.requireCovers(new Authority(site.teamId(), site.id(), Optional.of(spec.environment()), OAuthScopes.permissions(scopes),
                OAuthScopes.typePermissions(scopes), false, List.of(), List.of(), null, null), "an OAuth client");
        List<String> redirects = spec.redirectUris() == null ? List.of() : spec.redirectUris();
        redirects.forEach(RedirectUris::requireRegistrable);
        if (grants.contains("authorization_code") && redirects.isEmpty()) {
            throw new InvalidInputException("redirect_uris", "The code flow needs at least one redirect URI");
        }
        String creator = caller.member() != null ? caller.member().id() : caller.credentialId();
        OAuthClient client = new OAuthClient(site.teamId(), site.id(), spec.name().trim(), spec.type(), spec.environment(),
                redirects, grants, scopes, creator, clock.instant());
        String secret = client.confidential() ? newSecret(client) : null;
        if (spec.allowedOrigins() != null) {
            spec.allowedOrigins().forEach(ClientOrigins::requireValid);
            client.allowOrigins(spec.allowedOrigins().stream().distinct().toList());
        }
        if (spec.jwks() != null) {
            client.registerKeys(publicKeys(spec.jwks()));
        }
        em.persist(client);
        audit.record(site.teamId(), site.id(), "oauth_client.created", target(client), Map.of(
                "type", client.type(), "environment", client.environment().wireName(), "grant_types", grants, "scopes", scopes,
                "redirect_uris", redirects, "allowed_origins", ClientOrigins.of(client),
                "registered_keys", client.jwks() != null));
        return new Registered(client, secret);
    }

    public Page<OAuthClient> list(Site site, PageRequest request) {
        return pages.list(OAuthClient.class, "e.siteId = :site", Map.of("site", site.id()), request);
    }

    public OAuthClient find(Site site, String clientId) {
        OAuthClient client = !Ids.isStorable(clientId) ? null : em.find(OAuthClient.class, clientId);
        if (client == null || !client.siteId().equals(site.id())) {
            throw new NoSuchResourceException("OAuth client", clientId);
        }
        return client;
    }

    /** Deletes the client; its access tokens stop working on their next use. */
    public void delete(Site site, String clientId) {
        OAuthClient client = find(site, clientId);
        em.createQuery("delete from IssuedAccessToken t where t.clientId = :client")
                .setParameter("client", client.id()).executeUpdate();
        em.remove(client);
        audit.record(site.teamId(), site.id(), "oauth_client.deleted", target(client), Map.of("name", client.name()));
    }

    /** A new secret replaces the old one at once. */
    public Registered rollSecret(Site site, String clientId) {
        OAuthClient client = find(site, clientId);
        if (!client.confidential()) {
            throw new InvalidInputException("Public clients have no secret");
        }
        String secret = newSecret(client);
        audit.record(site.teamId(), site.id(), "oauth_client.secret_rolled", target(client),
                Map.of("last4", client.secretLast4()));
        return new Registered(client, secret);
    }

    /**
     * The client whose id and secret these are, compared in constant time. The opened secret
     * is cached only as a SHA-256 digest, with the client, until anything about clients or
     * credentials changes ({@link CredentialCache}).
     */
    public Optional<OAuthClient> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null) {
            return Optional.empty();
        }
        String key = "oauth-client:" + clientId;
        KnownSecret known = cache.get(key);
        if (known == null) {
            long generation = cache.generation();
            OAuthClient client = !Ids.isStorable(clientId) ? null : em.find(OAuthClient.class, clientId);
            if (client == null || !client.confidential()) {
                return Optional.empty();
            }
            known = new KnownSecret(client, Digests.sha256(box.open(client.sealedSecret(), context(client))));
            cache.put(key, generation, known);
        }
        return MessageDigest.isEqual(known.secretDigest(), Digests.sha256(secret)) ? Optional.of(known.client())
                : Optional.empty();
    }

    /** A confidential client and the digest of its current secret. */
    private record KnownSecret(OAuthClient client, byte[] secretDigest) {
    }


    private String newSecret(OAuthClient client) {
        String secret = SECRET_PREFIX + Base62.random(40);
        client.secret(box.seal(secret, context(client)), secret.substring(secret.length() - 4));
        return secret;
    }

    private static String context(OAuthClient client) {
        return "oauth-client:" + client.id();
    }

    /** Validates a registered JWK Set: public EC P-256 or RSA (2048+) signing keys, each with a kid. */
    static String publicKeys(String json) {
        com.nimbusds.jose.jwk.JWKSet set;
        try {
            set = com.nimbusds.jose.jwk.JWKSet.parse(json);
        } catch (java.text.ParseException e) {
            throw new InvalidInputException("jwks", "jwks is not a JWK Set: " + e.getMessage());
        }
        if (set.getKeys().isEmpty() || set.getKeys().size() > 10) {
            throw new InvalidInputException("jwks", "jwks holds 1 to 10 keys");
        }
        for (var key : set.getKeys()) {
            boolean ec = key instanceof com.nimbusds.jose.jwk.ECKey e
                    && com.nimbusds.jose.jwk.Curve.P_256.equals(e.getCurve());
            boolean rsa = key instanceof com.nimbusds.jose.jwk.RSAKey r && r.size() >= 2048;
            if (key.getKeyID() == null || key.isPrivate() || !(ec || rsa)) {
                throw new InvalidInputException("jwks", "Register public P-256 EC or RSA-2048+ keys, each with a kid "
                        + "(never a private key)");
            }
        }
        return set.toString(true);
    }

    /** A client acting by itself at the OAuth endpoints, as an audit event names it. */
    static Actor actor(OAuthClient client) {
        return new Actor("oauth_client", client.id(), client.name(), null);
    }

    private static Target target(OAuthClient client) {
        return new Target("oauth_client", client.id(), client.name());
    }
}
