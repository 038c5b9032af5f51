package dev.latchkey.connections.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.connections.entity.Connection;
import dev.latchkey.connections.entity.ConnectionStatus;
import dev.latchkey.connections.entity.ConnectionState;
import dev.latchkey.credentials.entity.Authority;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.crypto.control.Digests;
import dev.latchkey.crypto.control.SecretBox;
import dev.latchkey.http.control.PublicUrl;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NoSuchResourceException;
import dev.latchkey.providers.Account;
import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.TokenSet;
import dev.latchkey.sites.entity.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site's connections: starting the connect flow, taking the callback's single-use state,
 * storing the grant, listing and removing connections. Each method is one short transaction;
 * provider calls happen between them (see {@code ConnectFlow}), never inside one.
 */
@ApplicationScoped
public class Connections {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the client gets to start a connection. */
    public record Started(URI authorizeUrl, String state, Instant expiresAt) {

        @Override
        public String toString() {
            return "Started[expiresAt=" + expiresAt + "]";
        }
    }

    /** A claimed state: what the flow was started for, with its PKCE verifier opened. */
    public record Claim(String teamId, String siteId, String provider, List<String> scopes, String codeVerifier,
                        String startedBy) {

        @Override
        public String toString() {
            return "Claim[" + siteId + ", " + provider + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRegistry providers;

    @Inject
    ConnectionCustody custody;

    @Inject
    SecretBox box;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    PublicUrl publicUrl;

    public URI callbackUri() {
        return publicUrl.resolve("/v1/connections/callback");
    }

    /**
     * What a site's connections reach, and so the site token that hands their tokens out: the
     * site's provider accounts, in no one environment, for as long as they last.
     */
    public static Authority reach(Site site) {
        return new Authority(site.teamId(), site.id(), Optional.empty(), Set.of(), Map.of(), false, List.of(), List.of(), null,
                null);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Started start(Caller caller, Site site, String providerId, List<String> requestedScopes) {
        caller.requireCovers(reach(site), "a connection");
        InstalledProvider provider = providers.find(providerId).orElseThrow(() ->
                new InvalidInputException("provider", "No provider '" + providerId + "' is installed"));
        provider.requireConfigured();
        List<String> scopes = requestedScopes == null || requestedScopes.isEmpty()
                ? provider.factory().defaultScopes() : List.copyOf(requestedScopes);
        List<String> unknown = provider.unknownScopes(scopes);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("scopes", providerId + " offers no scope " + String.join(", ", unknown));
        }
        String state = randomToken();
        String verifier = provider.factory().capabilities().pkce() ? Pkce.newVerifier() : null;
        Instant expiresAt = clock.instant().plus(STATE_LIFETIME);
        String hash = hash(state);
        em.persist(new ConnectionState(hash, site.teamId(), site.id(), providerId, scopes,
                verifier == null ? null : box.seal(verifier, "connection-state:" + hash), starter(caller), expiresAt));
        URI url;
        try {
            url = provider.provider().authorizationUrl(new AuthorizationRequest(state, callbackUri(), scopes,
                    verifier == null ? null : Pkce.challenge(verifier)));
        } catch (ProviderException e) {
            throw ConnectFlow.failure(providerId, e);
        }
        audit.record(site.teamId(), site.id(), "connection.started",
                new dev.latchkey.audit.control.Target("connection", null, providerId),
                Map.of("provider", providerId, "scopes", scopes));
        return new Started(url, state, expiresAt);
    }

    /** Takes a state once: unknown, used or expired states are refused, and a used one stays used. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String state) {
        if (state == null || state.isBlank()) {
            throw new InvalidInputException("state", "The callback has no state");
        }
        String hash = hash(state);
        ConnectionState found = em.find(ConnectionState.class, hash, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (found == null) {
            throw new InvalidInputException("state", "Unknown state: start the connection again");
        }
        if (found.usedAt() != null) {
            throw new InvalidInputException("state", "This state was already used: start the connection again");
        }
        if (!found.expiresAt().isAfter(now)) {
            throw new InvalidInputException("state", "This connection attempt expired: start it again");
        }
        found.use(now);
        String verifier = found.sealedCodeVerifier() == null ? null
                : box.open(found.sealedCodeVerifier(), "connection-state:" + hash);
        return new Claim(found.teamId(), found.siteId(), found.provider(), found.scopes(), verifier, found.startedBy());
    }

    /** Stores a grant: a new connection, or a reconnection replacing the old grant whole. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Connection connected(Claim claim, TokenSet tokens, Account account) {
        List<Connection> existing = em.createQuery("select c from Connection c where c.siteId = :site "
                        + "and c.provider = :provider", Connection.class)
                .setParameter("site", claim.siteId()).setParameter("provider", claim.provider())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        boolean reconnect = !existing.isEmpty();
        Connection connection = reconnect ? existing.get(0) : new Connection(claim.teamId(), claim.siteId(), claim.provider());
        if (!reconnect) {
            em.persist(connection);
        }
        connection.connect(account.id(), account.name(), tokens.grantedScopes(), claim.startedBy(), clock.instant());
        custody.store(connection, tokens);
        audit.recordAs(starter(claim), claim.teamId(), claim.siteId(), "connection.connected",
                RefreshRecords.target(connection), Map.of("account", account.name() == null ? "" : account.name(),
                        "scopes", tokens.grantedScopes(), "reconnected", reconnect));
        return connection;
    }

    /** Records a connect flow that ended without a connection (denied, failed exchange). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void notConnected(Claim claim, String reason) {
        audit.recordAs(starter(claim), claim.teamId(), claim.siteId(), "connection.failed",
                new dev.latchkey.audit.control.Target("connection", null, claim.provider()),
                Map.of("provider", claim.provider(), "reason", reason));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<Connection> list(String siteId) {
        return em.createQuery("select c from Connection c where c.siteId = :site order by c.provider", Connection.class)
                .setParameter("site", siteId).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public Connection find(String siteId, String provider) {
        List<Connection> found = em.createQuery("select c from Connection c where c.siteId = :site "
                        + "and c.provider = :provider", Connection.class)
                .setParameter("site", siteId).setParameter("provider", provider).getResultList();
        if (found.isEmpty()) {
            throw new NoSuchResourceException("No " + provider + " connection on this site");
        }
        return found.get(0);
    }

    /** Deletes a connection and its tokens; the provider-side revocation happened before, or failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void removed(String connectionId, Revocation revocation, boolean revokedAtProvider, String note) {
        Connection connection = em.find(Connection.class, connectionId);
        if (connection == null) {
            return;
        }
        em.remove(connection);
        audit.record(connection.teamId(), connection.siteId(), "connection.disconnected", RefreshRecords.target(connection),
                Map.of("revoke", revocation.wireName(), "revoked_at_provider", revokedAtProvider, "note", note));
    }

    /** The other active connections, on any site, to the same account at the same provider. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> sharingAccount(Connection connection) {
        if (connection.accountId() == null) {
            return List.of();
        }
        return em.createQuery("select c.id from Connection c where c.provider = :provider and c.accountId = :account "
                        + "and c.id <> :id and c.status = :active", String.class)
                .setParameter("provider", connection.provider()).setParameter("account", connection.accountId())
                .setParameter("active", ConnectionStatus.ACTIVE)
                .setParameter("id", connection.id()).getResultList();
    }

    /**
     * The account was revoked at the provider from {@code revokedVia}: every other connection to
     * it is dead there, so it is marked {@code reconnect_required} (audited in its own team).
     * Answers how many were marked.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long accountRevoked(Connection revokedVia, List<String> others) {
        Instant now = clock.instant();
        long marked = 0;
        for (String id : others) {
            Connection other = em.find(Connection.class, id);
            if (other == null || !other.active()) {
                continue;
            }
            String reason = "The " + other.provider() + " account " + (other.accountName() == null ? other.accountId()
                    : other.accountName()) + " was disconnected from Latchkey at " + other.provider()
                    + " (revoking it from another connection ended every grant it gave). Connect "
                    + other.provider() + " again.";
            other.reconnectRequired(reason, now);
            audit.recordAs(Actor.SYSTEM, other.teamId(), other.siteId(), "connection.reconnect_required",
                    RefreshRecords.target(other), Map.of("reason", reason));
            marked++;
        }
        return marked;
    }

    private static String starter(Caller caller) {
        return caller.member() != null ? caller.member().id() : caller.credentialId();
    }

    private static Actor starter(Claim claim) {
        return claim.startedBy() == null ? Actor.ANONYMOUS
                : new Actor(claim.startedBy().startsWith("tok_") ? "token" : "member", claim.startedBy(), null,
                        claim.startedBy().startsWith("tok_") ? claim.startedBy() : null);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String state) {
        return Digests.sha256Hex(state);
    }
}
