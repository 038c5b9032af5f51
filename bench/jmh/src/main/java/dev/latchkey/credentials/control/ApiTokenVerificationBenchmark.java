package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.CredentialRefused;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.crypto.control.MasterKey;
import dev.latchkey.crypto.control.MasterKeyRing;
import dev.latchkey.problems.control.NotAuthenticatedException;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What authenticating an opaque API token costs in-process, through the real
 * {@link Authenticator}: parse and checksum, the keyed hash of the secret (checked on every
 * request), the {@link CredentialCache} lookup, the revoked/expired/address checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApiTokenVerificationBenchmark {

    private Authenticator cached;
    private Authenticator uncached;
    private KeyedHasher hasher;
    private String token;
    private String garbage;

    @Setup
    public void setUp() throws Exception {
        byte[] key = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(key);
        hasher = new KeyedHasher(new MasterKeyRing(MasterKey.of(key), List.of()), KeyedHasher.CREDENTIALS);
        TokenFormat.Token issued = TokenFormat.generate("sk_test_");
        token = issued.value();
        garbage = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        KeyedHasher.Hashed hashed = hasher.hash(token);
        Credential credential = new Credential(issued.publicId(), CredentialKind.API_TOKEN, "sk_test_", issued.last4(),
                hashed.keyId(), hashed.hash(), "team_bench", "bench", EnumSet.allOf(Permission.class), null,
                "mem_bench", Instant.now()).forSite("site_bench", Environment.TEST);
        Caller.TeamRef team = new Caller.TeamRef("team_bench", "Bench");
        Caller.SiteRef site = new Caller.SiteRef("site_bench", "bench");
        Caller caller = new Caller(Caller.CredentialRef.of(CredentialKind.API_TOKEN, credential.id(), "bench", null),
                team, null, site, Caller.authority(team, site, null, java.util.Optional.of(Environment.TEST), EnumSet.allOf(Permission.class),
                        java.util.Map.of(), false, List.of(), List.of(), null));

        cached = authenticator(credential, caller, new CredentialCache(60, 100_000, System::nanoTime));
        // The cost of a miss without the database round trip: caching off, the lookup answered from memory.
        uncached = authenticator(credential, caller, new CredentialCache(0, 100_000, System::nanoTime));

        if (!caller.equals(cached.authenticate(token, "127.0.0.1")) || !caller.equals(uncached.authenticate(token, "127.0.0.1"))) {
            throw new IllegalStateException("the token does not authenticate to its caller");
        }
        try {
            cached.authenticate(garbage, "127.0.0.1");
            throw new IllegalStateException("a token with a wrong checksum was accepted");
        } catch (NotAuthenticatedException expected) {
            // refused, as it must be
        }
    }

    private Authenticator authenticator(Credential credential, Caller caller, CredentialCache cache) throws Exception {
        Authenticator authenticator = new Authenticator();
        authenticator.hasher = hasher;
        authenticator.cache = cache;
        authenticator.clock = Clock.systemUTC();
        authenticator.lastUsed = new LastUsedRecorder() {
            @Override
            public void used(String credentialId, boolean first, Instant now) {
                // the usage counter's work (an event and a map increment) is not measured here
            }
        };
        authenticator.refusals = noEvents();
        authenticator.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find") && credential.id().equals(args[1])) {
                        return credential;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Field byKind = Authenticator.class.getDeclaredField("byKind");
        byKind.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<CredentialKind, CallerFactory> factories = (Map<CredentialKind, CallerFactory>) byKind.get(authenticator);
        factories.put(CredentialKind.API_TOKEN, new CallerFactory() {
            @Override
            public CredentialKind kind() {
                return CredentialKind.API_TOKEN;
            }

            @Override
            public Optional<Caller> callerFor(Credential c) {
                return Optional.of(caller);
            }
        });
        return authenticator;
    }

    @SuppressWarnings("unchecked")
    private static Event<CredentialRefused> noEvents() {
        return (Event<CredentialRefused>) Proxy.newProxyInstance(Event.class.getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> null);
    }

    @Benchmark
    public Caller apiTokenCacheHit() {
        return cached.authenticate(token, "127.0.0.1");
    }

    @Benchmark
    public Caller apiTokenCacheMiss() {
        return uncached.authenticate(token, "127.0.0.1");
    }

    @Benchmark
    public Optional<TokenFormat.Token> tokenParseAndChecksum() {
        return TokenFormat.parse(token);
    }

    @Benchmark
    public KeyedHasher.Hashed keyedHash() {
        return hasher.hash(token);
    }

    @Benchmark
    public Object garbageTokenRejected() {
        try {
            return cached.authenticate(garbage, "127.0.0.1");
        } catch (NotAuthenticatedException refused) {
            return refused;
        }
    }
}
