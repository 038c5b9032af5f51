package dev.latchkey.providers.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.latchkey.providers.AuthorizationRequest;
import dev.latchkey.providers.CodeExchange;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProviderFactory;
import dev.latchkey.providers.Pkce;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.ProviderFactory;
import dev.latchkey.providers.TokenSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider must do, run against a {@link FakeOAuthServer}. Extend it in the provider's
 * own tests, name the provider's id, and adjust the fake and the settings where the provider is
 * different (its URL setting names, where it reads the account):
 * <pre>{@code
 * class AcmeContractTest extends ProviderContract {
 *     protected String providerId() { return "acme"; }
 * }
 * }</pre>
 * The factory is found with {@link ServiceLoader}, as Latchkey finds it, so its
 * {@code META-INF/services} registration is tested too.
 */
public abstract class ProviderContract {

    protected static final String CLIENT_ID = "contract-client";
    protected static final String CLIENT_SECRET = "contract-secret-d41d8cd98f00b204";
    protected static final URI REDIRECT = URI.create("https://latchkey.example/v1/connections/callback");

    protected FakeOAuthServer fake;
    protected ProviderFactory factory;
    protected Provider provider;

    /** The id of the provider under test. */
    protected abstract String providerId();

    /**
     * The provider's settings, pointing every URL at the fake. By default the client
     * credentials and the standard {@code authorize-url}, {@code token-url}, {@code revocation-url}
     * and {@code account-url}.
     */
    protected Map<String, String> settings(FakeOAuthServer fake) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ProviderConfig.CLIENT_ID, fake.clientId());
        settings.put(ProviderConfig.CLIENT_SECRET, fake.clientSecret());
        settings.put(OAuthProfile.AUTHORIZE_URL, fake.url("/authorize"));
        settings.put(OAuthProfile.TOKEN_URL, fake.url("/token"));
        settings.put(OAuthProfile.REVOCATION_URL, fake.url("/revoke"));
        settings.put(OAuthProfile.ACCOUNT_URL, fake.url("/me"));
        return settings;
    }

    /**
     * Makes the fake behave like the provider: by default the client authentication style of
     * an {@link OAuthProviderFactory}'s profile. Called once the fake is running.
     */
    protected void configure(FakeOAuthServer fake) {
        if (factory instanceof OAuthProviderFactory oauth) {
            fake.clientAuthentication(oauth.profile().clientAuthentication());
        }
    }

    /** The account id the provider reads from the fake's account answer. */
    protected String expectedAccountId() {
        return "acct-1";
    }

    @BeforeEach
    void startFake() {
        factory = find(providerId());
        fake = new FakeOAuthServer(CLIENT_ID, CLIENT_SECRET);
        configure(fake);
        provider = create(settings(fake));
    }

    @AfterEach
    void stopFake() {
        provider.close();
        fake.close();
    }

    /** The provider for these settings, created as Latchkey creates it. */
    protected Provider create(Map<String, String> settings) {
        return factory.create(new ProviderConfig(providerId(), settings), HttpClient.newHttpClient());
    }

    /** Plays a whole authorization: the URL, the user's approval at the fake, the code exchange. */
    protected TokenSet connect() {
        String verifier = factory.capabilities().pkce() ? Pkce.newVerifier() : null;
        String challenge = verifier == null ? null : Pkce.challenge(verifier);
        provider.authorizationUrl(new AuthorizationRequest("state-1", REDIRECT, factory.defaultScopes(), challenge));
        return provider.exchangeCode(new CodeExchange(fake.issueCode(challenge), REDIRECT, verifier));
    }

    @Test
    void serviceLoaderFindsTheFactoryWrittenForSpi1() {
        assertEquals(providerId(), factory.id());
        assertTrue(factory.spiVersion().startsWith("1."), "SPI version " + factory.spiVersion());
        assertFalse(factory.displayName().isBlank());
        assertTrue(factory.settings().stream().anyMatch(s -> s.name().equals(ProviderConfig.CLIENT_ID) && s.required()));
        assertTrue(factory.settings().stream().anyMatch(s -> s.name().equals(ProviderConfig.CLIENT_SECRET) && s.secret()));
        List<String> offered = factory.scopeCatalog().stream().map(s -> s.name()).toList();
        assertTrue(offered.containsAll(factory.defaultScopes()), "default scopes are in the catalog");
    }

    @Test
    void theAuthorizationUrlCarriesTheClientTheStateAndThePkceChallenge() {
        String challenge = Pkce.challenge(Pkce.newVerifier());
        URI url = provider.authorizationUrl(new AuthorizationRequest("state-42", REDIRECT, factory.defaultScopes(), challenge));
        Map<String, String> query = FakeOAuthServer.parseForm(url.getRawQuery());
        assertEquals(CLIENT_ID, query.get("client_id"));
        assertEquals("state-42", query.get("state"));
        assertEquals(REDIRECT.toString(), query.get("redirect_uri"));
        if (factory.capabilities().pkce()) {
            assertEquals(challenge, query.get("code_challenge"));
            assertEquals("S256", query.get("code_challenge_method"));
        } else {
            assertFalse(query.containsKey("code_challenge"), "no challenge for a provider without PKCE");
        }
    }

    @Test
    void aCodeIsExchangedWithItsVerifierAndTheAccountRead() {
        TokenSet tokens = connect();
        assertNotNull(tokens.accessToken());
        assertEquals(expectedAccountId(), provider.account(tokens).id());
        if (factory.capabilities().pkce()) {
            String challenge = Pkce.challenge(Pkce.newVerifier());
            ProviderException e = assertThrows(ProviderException.class, () -> provider.exchangeCode(
                    new CodeExchange(fake.issueCode(challenge), REDIRECT, Pkce.newVerifier())));
            assertEquals(ProviderException.Reason.INVALID_GRANT, e.reason(), "a wrong verifier: " + e.getMessage());
        }
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheCurrentOne() {
        fake.refreshWithoutRefreshToken(true);
        TokenSet tokens = connect();
        if (!factory.capabilities().refresh()) {
            assertRefuses(() -> provider.refresh(tokens));
            return;
        }
        TokenSet refreshed = provider.refresh(tokens);
        assertEquals(tokens.refreshToken(), refreshed.refreshToken());
        assertNotEquals(tokens.accessToken(), refreshed.accessToken());
    }

    @Test
    void aRotatedRefreshTokenIsSaved() {
        TokenSet tokens = connect();
        if (!factory.capabilities().refresh()) {
            assertRefuses(() -> provider.refresh(tokens));
            return;
        }
        TokenSet refreshed = provider.refresh(tokens);
        assertNotEquals(tokens.refreshToken(), refreshed.refreshToken());
        assertTrue(fake.refreshTokenLive(refreshed.refreshToken()));
        assertFalse(fake.refreshTokenLive(tokens.refreshToken()), "the fake retired the old one");
        assertNotNull(provider.refresh(refreshed).accessToken(), "the saved one works");
    }

    @Test
    void a429IsRateLimitedWithItsRetryAfter() {
        fake.rateLimitNext(17);
        ProviderException e = assertThrows(ProviderException.class, this::connect);
        assertEquals(ProviderException.Reason.RATE_LIMITED, e.reason(), e.getMessage());
        assertEquals(Duration.ofSeconds(17), e.retryAfter());
        if (factory.capabilities().refresh()) {
            TokenSet tokens = connect();
            fake.rateLimitNext(5);
            ProviderException r = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
            assertEquals(ProviderException.Reason.RATE_LIMITED, r.reason(), r.getMessage());
            assertEquals(Duration.ofSeconds(5), r.retryAfter());
        }
    }

    @Test
    void a5xxIsUnavailable() {
        fake.unavailableNext();
        assertEquals(ProviderException.Reason.UNAVAILABLE, assertThrows(ProviderException.class, this::connect).reason());
        TokenSet tokens = connect();
        fake.unavailableNext();
        assertEquals(ProviderException.Reason.UNAVAILABLE,
                assertThrows(ProviderException.class, () -> provider.account(tokens)).reason());
        if (factory.capabilities().refresh()) {
            fake.unavailableNext();
            assertEquals(ProviderException.Reason.UNAVAILABLE,
                    assertThrows(ProviderException.class, () -> provider.refresh(tokens)).reason());
        }
    }

    @Test
    void invalidGrantMeansTheGrantIsGone() {
        ProviderException code = assertThrows(ProviderException.class,
                () -> provider.exchangeCode(new CodeExchange("code-never-issued", REDIRECT, Pkce.newVerifier())));
        assertEquals(ProviderException.Reason.INVALID_GRANT, code.reason(), code.getMessage());
        if (factory.capabilities().refresh()) {
            TokenSet tokens = connect();
            provider.refresh(tokens);
            ProviderException reused = assertThrows(ProviderException.class, () -> provider.refresh(tokens));
            assertEquals(ProviderException.Reason.INVALID_GRANT, reused.reason(), "a rotated-away refresh token");
        }
    }

    @Test
    void noExceptionNamesASecret() {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET));
        List<Throwable> thrown = new ArrayList<>();
        String code = "code-never-issued-5e3a1f";
        secrets.add(code);
        thrown.add(thrown(() -> provider.exchangeCode(new CodeExchange(code, REDIRECT, "verifier-7b0c9d2e4f6a8b1c3d5e7f90a2b4c6d8e0f1a3b5"))));
        TokenSet tokens = connect();
        secrets.add(tokens.accessToken());
        if (tokens.refreshToken() != null) {
            secrets.add(tokens.refreshToken());
        }
        String echo = "{\"error\":\"invalid_token\",\"error_description\":\"token " + tokens.accessToken()
                + " refresh " + tokens.refreshToken() + " secret " + CLIENT_SECRET + "\",\"message\":\"token "
                + tokens.accessToken() + "\"}";
        fake.failNext(401, Map.of(), echo);
        thrown.add(thrown(() -> provider.account(tokens)));
        fake.failNext(400, Map.of(), echo.replace("invalid_token", "invalid_grant"));
        thrown.add(thrown(() -> provider.refresh(tokens)));
        if (factory.capabilities().revoke()) {
            fake.failNext(401, Map.of(), echo.replace("invalid_token", "invalid_client"));
            thrown.add(thrown(() -> provider.revoke(tokens)));
        }
        Map<String, String> wrongSecret = new LinkedHashMap<>(settings(fake));
        String wrong = "wrong-secret-9f86d081884c7d65";
        secrets.add(wrong);
        wrongSecret.put(ProviderConfig.CLIENT_SECRET, wrong);
        Provider misconfigured = create(wrongSecret);
        thrown.add(thrown(() -> misconfigured.exchangeCode(new CodeExchange(fake.issueCode(null), REDIRECT, null))));
        for (Throwable t : thrown) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                for (String secret : secrets) {
                    assertFalse(String.valueOf(c.getMessage()).contains(secret),
                            "an exception names a secret: " + c.getClass().getSimpleName());
                }
            }
        }
        assertFalse(String.valueOf(provider).contains(CLIENT_SECRET), "toString names the client secret");
    }

    private static Throwable thrown(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        return fail("expected the call to fail");
    }

    private static void assertRefuses(Supplier<TokenSet> call) {
        try {
            call.get();
            fail("a provider without refresh refreshed");
        } catch (ProviderException | UnsupportedOperationException expected) {
            // refused, as it should
        }
    }

    private static ProviderFactory find(String id) {
        for (ProviderFactory candidate : ServiceLoader.load(ProviderFactory.class)) {
            if (candidate.id().equals(id)) {
                return candidate;
            }
        }
        throw new AssertionError("no ProviderFactory with id '" + id + "' in META-INF/services/"
                + ProviderFactory.class.getName());
    }
}
