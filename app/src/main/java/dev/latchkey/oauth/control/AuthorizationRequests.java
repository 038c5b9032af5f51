package dev.latchkey.oauth.control;

import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.http.control.JsonP;
import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Validates authorization requests, and carries a validated one through the sign-in form in
 * a keyed-hash-protected field, so the form cannot be altered, nor posted after ten minutes.
 * The field also carries the form's {@link FormBinding} (its one-time id, the browser it was
 * shown to, the session it consents under), which {@link AuthorizeForms} checks.
 */
@ApplicationScoped
public class AuthorizationRequests {

    /** OpenID Connect's nonce is opaque; this bounds what a form and a code carry. */
    static final int MAX_NONCE = 255;

    public static final Duration FORM_LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKeyRing ring;

    @Inject
    Clock clock;

    private KeyedHasher hasher;

    @PostConstruct
    void init() {
        hasher = new KeyedHasher(ring, "latchkey/authorize-form/v1");
    }

    public OAuthClient client(String clientId) {
        OAuthClient client = !Ids.isStorable(clientId) ? null : em.find(OAuthClient.class, clientId);
        if (client == null) {
            throw AuthorizationError.shown("Unknown client");
        }
        return client;
    }

    public AuthorizationRequest validate(String responseType, String clientId, String redirectUri, String scope,
                                         String state, String codeChallenge, String challengeMethod, String nonce) {
        OAuthClient client = client(clientId);
        String redirect = redirectUri;
        if (redirect == null && client.redirectUris().size() == 1) {
            redirect = client.redirectUris().get(0);
        }
        if (!RedirectUris.accepts(client.redirectUris(), redirect)) {
            throw AuthorizationError.shown("The redirect URI is not registered for this client");
        }
        if (!"code".equals(responseType)) {
            throw new AuthorizationError("unsupported_response_type", "Only response_type=code is supported",
                    redirect, state);
        }
        if (!client.grantTypes().contains("authorization_code")) {
            throw new AuthorizationError("unauthorized_client", "This client may not use the code flow", redirect, state);
        }
        if (codeChallenge == null || codeChallenge.isBlank()) {
            if (!client.confidential()) {
                throw new AuthorizationError("invalid_request", "PKCE (code_challenge, S256) is required", redirect,
                        state);
            }
        } else if (!"S256".equals(challengeMethod)) {
            throw new AuthorizationError("invalid_request", "Only code_challenge_method=S256 is supported",
                    redirect, state);
        } else if (!codeChallenge.matches("[A-Za-z0-9_-]{43}")) {
            throw new AuthorizationError("invalid_request", "code_challenge is not a S256 challenge", redirect, state);
        }
        List<String> scopes = OAuthScopes.parse(scope);
        if (scopes.isEmpty()) {
            scopes = client.scopes().stream().filter(s -> !OAuthScopes.OFFLINE_ACCESS.equals(s)).toList();
        }
        // The OpenID Connect scopes grant no access to site data: every code-flow client may ask.
        if (!scopes.stream().allMatch(s -> client.scopes().contains(s) || OpenIdScopes.isOpenId(s))) {
            throw new AuthorizationError("invalid_scope", "The client may not ask for these scopes", redirect, state);
        }
        if (nonce != null && nonce.length() > MAX_NONCE) {
            throw new AuthorizationError("invalid_request", "nonce is longer than " + MAX_NONCE + " characters",
                    redirect, state);
        }
        return new AuthorizationRequest(client.id(), redirect, scopes, state,
                codeChallenge == null || codeChallenge.isBlank() ? null : codeChallenge,
                nonce == null || nonce.isEmpty() ? null : nonce);
    }

    /** A sealed form's request and what it is bound to. */
    public record Unsealed(AuthorizationRequest request, FormBinding binding) {
    }

    /** The request and its binding as a tamper-proof form field. */
    public String seal(AuthorizationRequest request, FormBinding binding) {
        var json = JsonP.createObjectBuilder()
                .add("form_id", binding.formId())
                .add("browser", binding.browserHash())
                .add("session_id", binding.sessionId() == null ? "" : binding.sessionId())
                .add("client_id", request.clientId())
                .add("redirect_uri", request.redirectUri())
                .add("scope", String.join(" ", request.scopes()))
                .add("state", request.state() == null ? "" : request.state())
                .add("code_challenge", request.codeChallenge() == null ? "" : request.codeChallenge())
                .add("nonce", request.nonce() == null ? "" : request.nonce())
                .add("issued_at", clock.instant().getEpochSecond())
                .build().toString();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        KeyedHasher.Hashed mac = hasher.hash(payload);
        return payload + "." + mac.keyId() + "." + HexFormat.of().formatHex(mac.hash());
    }

    /** The request of a form this server rendered in the last ten minutes; otherwise shown as an error. */
    public Unsealed unseal(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.");
        if (parts.length != 3 || !hasher.matches(parts[0], parts[1], hex(parts[2]))) {
            throw AuthorizationError.shown("This sign-in form is not valid; start again from the application");
        }
        JsonObject json;
        try (var reader = JsonP.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)))) {
            json = reader.readObject();
        }
        if (Instant.ofEpochSecond(json.getJsonNumber("issued_at").longValue()).plus(FORM_LIFETIME)
                .isBefore(clock.instant())) {
            throw AuthorizationError.shown("This sign-in form has expired; start again from the application");
        }
        String state = json.getString("state");
        String challenge = json.getString("code_challenge");
        String formId = json.getString("form_id", "");
        if (formId.isEmpty()) {
            // Sealed before forms were bound to a browser (an upgrade while the page was open).
            throw AuthorizationError.shown("This sign-in form has expired; start again from the application");
        }
        String sessionId = json.getString("session_id", "");
        String nonce = json.getString("nonce", "");
        return new Unsealed(new AuthorizationRequest(json.getString("client_id"), json.getString("redirect_uri"),
                OAuthScopes.parse(json.getString("scope")), state.isEmpty() ? null : state,
                challenge.isEmpty() ? null : challenge, nonce.isEmpty() ? null : nonce), new FormBinding(formId,
                json.getString("browser", ""), sessionId.isEmpty() ? null : sessionId));
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
