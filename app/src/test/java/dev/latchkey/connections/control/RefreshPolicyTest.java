package dev.latchkey.connections.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.latchkey.connections.control.RefreshPolicy.AfterFailure;
import dev.latchkey.connections.control.RefreshPolicy.Attempt;
import dev.latchkey.connections.control.RefreshPolicy.Decision;
import dev.latchkey.connections.control.RefreshPolicy.State;
import dev.latchkey.connections.control.RefreshPolicy.Tried;
import dev.latchkey.connections.control.RefreshPolicy.Verdict;
import dev.latchkey.connections.entity.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every promise the README makes about refreshing, as tables: what a fetch is handed, whether an
 * attempt calls the provider, and the back-off. The defaults are the README's: a refresh margin
 * of 300 s and a hand-out margin of 30 s.
 */
class RefreshPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final RefreshPolicy POLICY = new RefreshPolicy(Duration.ofSeconds(300), Duration.ofSeconds(30));
    static final Tried FIRST = Tried.NOTHING;
    static final Tried REFRESHED = Tried.NOTHING.afterRefreshing();
    static final Tried WAITED = Tried.NOTHING.afterWaiting();

    /** A connection's state, built by the steps it went through. */
    record S(boolean active, String statusReason, boolean refreshable, Instant expiresAt, Instant nextAttemptAt,
             String lastError, int failures, Instant lastAttemptAt, Instant startedAt, Instant leaseUntil,
             Instant interruptedAt) {

        /** Active, refreshable, expiring in an hour, never failed, nothing in flight. */
        static S healthy() {
            return new S(true, null, true, NOW.plusSeconds(3600), null, null, 0, null, null, null, null);
        }

        S expiresIn(long seconds) {
            return expires(NOW.plusSeconds(seconds));
        }

        S expires(Instant at) {
            return new S(active, statusReason, refreshable, at, nextAttemptAt, lastError, failures, lastAttemptAt,
                    startedAt, leaseUntil, interruptedAt);
        }

        S withoutRefreshToken() {
            return new S(active, statusReason, false, expiresAt, nextAttemptAt, lastError, failures, lastAttemptAt,
                    startedAt, leaseUntil, interruptedAt);
        }

        S backedOffFor(long seconds) {
            return new S(active, statusReason, refreshable, expiresAt, NOW.plusSeconds(seconds), "provider down",
                    failures + 1, NOW.minusSeconds(1), startedAt, leaseUntil, interruptedAt);
        }

        S reconnectRequired(String reason) {
            return new S(false, reason, refreshable, expiresAt, null, lastError, failures, lastAttemptAt,
                    startedAt, leaseUntil, interruptedAt);
        }

        /** A refresh under way: its lease runs until {@code leaseLeft} from now (negative: its holder died). */
        S refreshing(long leaseLeft) {
            return new S(active, statusReason, refreshable, expiresAt, nextAttemptAt, lastError, failures,
                    lastAttemptAt, NOW.minusSeconds(5), NOW.plusSeconds(leaseLeft), interruptedAt);
        }

        /** A dead holder's refresh was taken over: the marker says it was interrupted. */
        S takenOverAfterInterruption() {
            return new S(active, statusReason, refreshable, expiresAt, nextAttemptAt, lastError, failures,
                    lastAttemptAt, null, null, NOW.minusSeconds(60));
        }

        State state() {
            return new State("github", active, statusReason, refreshable, expiresAt, nextAttemptAt, lastError, failures,
                    lastAttemptAt, startedAt, leaseUntil, interruptedAt);
        }
    }

    static Stream<Arguments> fetches() {
        return Stream.of(
                // README: a token is handed out only if valid now by everything Latchkey knows
                row("far from expiry", S.healthy(), FIRST, Verdict.SERVE),
                row("far from expiry, no refresh token", S.healthy().withoutRefreshToken(), FIRST, Verdict.SERVE),
                row("never expires", S.healthy().expires(null), FIRST, Verdict.SERVE),
                row("never expires, no refresh token", S.healthy().expires(null).withoutRefreshToken(), FIRST,
                        Verdict.SERVE),
                row("just outside the refresh margin", S.healthy().expiresIn(301), FIRST, Verdict.SERVE),
                // a fetch through the site token refreshes first when needed (within the refresh margin, 300 s)
                row("within the refresh margin", S.healthy().expiresIn(299), FIRST, Verdict.REFRESH_FIRST),
                row("within the margin, refresh failed, still valid", S.healthy().expiresIn(120), REFRESHED,
                        Verdict.SERVE),
                row("just outside the hand-out margin after a failed refresh", S.healthy().expiresIn(31), REFRESHED,
                        Verdict.SERVE),
                // never a token expiring within the hand-out margin (30 s), nor an expired one
                row("within the hand-out margin", S.healthy().expiresIn(29), FIRST, Verdict.REFRESH_FIRST),
                row("within the hand-out margin after a failed refresh", S.healthy().expiresIn(29), REFRESHED,
                        Verdict.RETRY_LATER),
                row("expired after a failed refresh", S.healthy().expiresIn(-1), REFRESHED, Verdict.RETRY_LATER),
                row("expired a day ago", S.healthy().expiresIn(-86_400), FIRST, Verdict.REFRESH_FIRST),
                row("expires now", S.healthy().expiresIn(0), FIRST, Verdict.REFRESH_FIRST),
                // a token without a refresh token that runs out: 409 reconnect_required
                row("expired, no refresh token", S.healthy().expiresIn(-1).withoutRefreshToken(), FIRST,
                        Verdict.RECONNECT),
                row("within the hand-out margin, no refresh token", S.healthy().expiresIn(29).withoutRefreshToken(),
                        FIRST, Verdict.RECONNECT),
                row("within the refresh margin, no refresh token", S.healthy().expiresIn(120).withoutRefreshToken(),
                        FIRST, Verdict.SERVE),
                // single flight: a fetch during someone else's refresh waits for its outcome, once
                row("refresh under way", S.healthy().refreshing(9), FIRST, Verdict.WAIT),
                row("refresh under way, expired token", S.healthy().expiresIn(-5).refreshing(9), FIRST, Verdict.WAIT),
                row("refresh still under way after waiting", S.healthy().refreshing(9), WAITED, Verdict.REFRESH_FIRST),
                row("refresh under way after waiting and trying", S.healthy().refreshing(9), WAITED.afterRefreshing(),
                        Verdict.RETRY_LATER),
                row("lease ends this instant: still under way", S.healthy().refreshing(0), FIRST, Verdict.WAIT),
                // a crash mid-refresh: the token the dead holder held is never handed out
                row("holder died (marker outlived its lease)", S.healthy().refreshing(-1), FIRST,
                        Verdict.REFRESH_FIRST),
                row("holder died, refresh tried", S.healthy().refreshing(-1), REFRESHED, Verdict.RETRY_LATER),
                row("interruption taken over", S.healthy().takenOverAfterInterruption(), FIRST, Verdict.REFRESH_FIRST),
                row("interruption taken over, backed off", S.healthy().takenOverAfterInterruption().backedOffFor(30),
                        FIRST, Verdict.RETRY_LATER),
                // a fetch during a back-off never calls the provider: valid token served, expired 503
                row("backed off, valid", S.healthy().expiresIn(120).backedOffFor(20), FIRST, Verdict.SERVE),
                row("backed off, expired", S.healthy().expiresIn(-10).backedOffFor(20), FIRST, Verdict.RETRY_LATER),
                row("backed off, within the hand-out margin", S.healthy().expiresIn(10).backedOffFor(20), FIRST,
                        Verdict.RETRY_LATER),
                row("back-off over, expired", S.healthy().expiresIn(-10).backedOffFor(-1), FIRST,
                        Verdict.REFRESH_FIRST),
                row("back-off ends this instant, expired", S.healthy().expiresIn(-10).backedOffFor(0), FIRST,
                        Verdict.REFRESH_FIRST),
                // the grant is gone: 409 whatever the expiry, nothing retried
                row("reconnect required", S.healthy().reconnectRequired("revoked at GitHub"), FIRST,
                        Verdict.RECONNECT),
                row("reconnect required, expired", S.healthy().expiresIn(-1).reconnectRequired("r"), FIRST,
                        Verdict.RECONNECT),
                row("reconnect required, never expires", S.healthy().expires(null).reconnectRequired("r"), FIRST,
                        Verdict.RECONNECT),
                row("reconnect required, refresh under way", S.healthy().refreshing(9).reconnectRequired("r"), FIRST,
                        Verdict.RECONNECT));
    }

    private static Arguments row(String name, S s, Tried tried, Verdict expected) {
        return arguments(name, s, tried, expected);
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("fetches")
    void whatAFetchDoes(String name, S s, Tried tried, Verdict expected) {
        assertEquals(expected, POLICY.handout(s.state(), NOW, tried).verdict(), name);
    }

    @Test
    void anExpiredTokenIsNeverHandedOutInAnyState() {
        List<Tried> everyTried = List.of(FIRST, WAITED, REFRESHED, WAITED.afterRefreshing());
        for (S s : everyState()) {
            for (Tried tried : everyTried) {
                for (long expiresIn : new long[]{29, 0, -1, -86_400}) {
                    Decision decision = POLICY.handout(s.expiresIn(expiresIn).state(), NOW, tried);
                    assertNotEquals(Verdict.SERVE, decision.verdict(), s + " " + tried + " expiring in " + expiresIn);
                }
            }
        }
    }

    @Test
    void aTokenUnderRefreshOrInterruptedIsNeverHandedOut() {
        for (S s : List.of(S.healthy().refreshing(9), S.healthy().refreshing(-1), S.healthy().takenOverAfterInterruption())) {
            for (Tried tried : List.of(FIRST, WAITED, REFRESHED, WAITED.afterRefreshing())) {
                assertNotEquals(Verdict.SERVE, POLICY.handout(s.state(), NOW, tried).verdict(), s + " " + tried);
            }
        }
    }

    /** Every combination of the state a connection's refresh can be in, expiring in an hour. */
    private static List<S> everyState() {
        List<S> states = new ArrayList<>();
        for (S base : List.of(S.healthy(), S.healthy().withoutRefreshToken(), S.healthy().reconnectRequired("r"))) {
            for (S flight : List.of(base, base.refreshing(9), base.refreshing(-1), base.takenOverAfterInterruption())) {
                states.add(flight);
                states.add(flight.backedOffFor(20));
                states.add(flight.backedOffFor(-1));
            }
        }
        return states;
    }

    @Test
    void whatTheCallerIsTold() {
        Decision backedOff = POLICY.handout(S.healthy().expiresIn(-10).backedOffFor(20).state(), NOW, FIRST);
        assertEquals(Duration.ofSeconds(20), backedOff.retryAfter(), "503 with Retry-After until next_attempt_at");
        assertTrue(backedOff.reason().contains("provider down"), backedOff.reason());
        Decision underWay = POLICY.handout(S.healthy().refreshing(9).state(), NOW, WAITED.afterRefreshing());
        assertEquals(RefreshPolicy.RETRY_SOON, underWay.retryAfter());
        Decision gone = POLICY.handout(S.healthy().reconnectRequired("revoked at GitHub").state(), NOW, FIRST);
        assertEquals("revoked at GitHub", gone.reason(), "the status_reason, in message");
        Decision runOut = POLICY.handout(S.healthy().expiresIn(-1).withoutRefreshToken().state(), NOW, FIRST);
        assertTrue(runOut.reason().contains("no refresh token"), runOut.reason());
        assertNull(POLICY.handout(S.healthy().state(), NOW, FIRST).retryAfter());
    }

    @Test
    void theHandOutMarginIsAtMostHalfTheRefreshMargin() {
        RefreshPolicy tight = new RefreshPolicy(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertEquals(Verdict.SERVE, tight.handout(S.healthy().expiresIn(16).state(), NOW, REFRESHED).verdict());
        assertEquals(Verdict.RETRY_LATER, tight.handout(S.healthy().expiresIn(14).state(), NOW, REFRESHED).verdict(),
                "capped at 15 s");
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                // the schedule and a fetch refresh tokens expiring within the margin
                arguments("due", S.healthy().expiresIn(299), false, Attempt.CALL_PROVIDER),
                arguments("not due: someone else just refreshed it", S.healthy().expiresIn(301), false,
                        Attempt.NOT_DUE),
                arguments("never expires", S.healthy().expires(null), false, Attempt.NOT_DUE),
                // POST …/refresh forces one
                arguments("forced, far from expiry", S.healthy(), true, Attempt.CALL_PROVIDER),
                arguments("forced, never expires", S.healthy().expires(null), true, Attempt.CALL_PROVIDER),
                // every path respects the back-off (a forced refresh answers 429)
                arguments("backed off", S.healthy().expiresIn(-1).backedOffFor(20), false, Attempt.BACKING_OFF),
                arguments("forced, backed off", S.healthy().backedOffFor(20), true, Attempt.BACKING_OFF),
                arguments("back-off over", S.healthy().expiresIn(-1).backedOffFor(-1), false, Attempt.CALL_PROVIDER),
                // nothing is retried until connected again
                arguments("reconnect required", S.healthy().expiresIn(-1).reconnectRequired("r"), true,
                        Attempt.NOT_REFRESHABLE),
                arguments("no refresh token", S.healthy().expiresIn(-1).withoutRefreshToken(), true,
                        Attempt.NOT_REFRESHABLE),
                // an interrupted refresh is tried again with the refresh token Latchkey has
                arguments("interrupted, far from expiry", S.healthy().takenOverAfterInterruption(), false,
                        Attempt.CALL_PROVIDER),
                arguments("interrupted, backed off", S.healthy().takenOverAfterInterruption().backedOffFor(30), false,
                        Attempt.BACKING_OFF));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("attempts")
    void whetherAnAttemptCallsTheProvider(String name, S s, boolean force, Attempt expected) {
        assertEquals(expected, POLICY.attempt(s.state(), NOW, force), name);
    }

    @Test
    void dueMeansWithinTheRefreshMargin() {
        assertTrue(POLICY.due(S.healthy().expiresIn(299).state(), NOW));
        assertTrue(POLICY.due(S.healthy().expiresIn(-1).state(), NOW));
        assertFalse(POLICY.due(S.healthy().expiresIn(300).state(), NOW));
        assertFalse(POLICY.due(S.healthy().expires(null).state(), NOW));
        assertFalse(POLICY.due(S.healthy().expiresIn(10).withoutRefreshToken().state(), NOW));
        assertFalse(POLICY.due(S.healthy().expiresIn(10).reconnectRequired("r").state(), NOW));
    }

    /** Failures so far, seconds since the last attempt, token expiry (seconds from now, null: never), Retry-After, expected wait. */
    static Stream<Arguments> backOffs() {
        long day = 86_400;
        return Stream.of(
                // 30 s doubling to 1 h
                arguments("1st failure", 0, day, null, 30),
                arguments("2nd", 1, day, null, 60),
                arguments("3rd", 2, day, null, 120),
                arguments("4th", 3, day, null, 240),
                arguments("5th", 4, day, null, 480),
                arguments("6th", 5, day, null, 960),
                arguments("7th", 6, day, null, 1920),
                arguments("8th: capped at an hour", 7, day, null, 3600),
                arguments("9th", 8, day, null, 3600),
                arguments("50th", 49, day, null, 3600),
                arguments("never expires", 7, null, null, 3600),
                // never past halfway to the current token's expiry, at least 1 s
                arguments("halfway to expiry", 4, 100L, null, 50),
                arguments("halfway when doubling would pass it", 0, 40L, null, 20),
                arguments("at least a second", 4, 1L, null, 1),
                // never sooner than the provider's Retry-After, even past halfway or an hour
                arguments("Retry-After longer than the back-off", 0, day, 45L, 45),
                arguments("Retry-After past halfway to expiry", 0, 10L, 20L, 20),
                arguments("Retry-After past an hour", 9, null, 7200L, 7200),
                arguments("Retry-After shorter than the back-off", 0, null, 3L, 30));
    }

    @ParameterizedTest(name = "{0}: {4} s")
    @MethodSource("backOffs")
    void theBackOff(String name, int failuresSoFar, Long expiresIn, Long retryAfter, int expectedSeconds) {
        AfterFailure next = RefreshPolicy.backOff(failuresSoFar, NOW.minusSeconds(1),
                expiresIn == null ? null : NOW.plusSeconds(expiresIn), NOW,
                retryAfter == null ? null : Duration.ofSeconds(retryAfter));
        assertEquals(Duration.ofSeconds(expectedSeconds), Duration.between(NOW, next.nextAttemptAt()), name);
        assertEquals(failuresSoFar + 1, next.failures());
        assertFalse(next.reconnect());
    }

    @Test
    void halfwayIsToTheMillisecond() {
        assertEquals(Duration.ofMillis(1000), Duration.between(NOW,
                RefreshPolicy.backOff(4, NOW, NOW.plusMillis(600), NOW, null).nextAttemptAt()), "at least 1 s");
        assertEquals(Duration.ofMillis(1500), Duration.between(NOW,
                RefreshPolicy.backOff(4, NOW, NOW.plusMillis(3000), NOW, null).nextAttemptAt()));
    }

    @Test
    void onceExpiredTheCountRestartsFromTheBaseAndStaysUnderFiveMinutes() {
        Instant expiredAt = NOW.minusSeconds(5);
        AfterFailure first = RefreshPolicy.backOff(9, expiredAt.minusSeconds(1), expiredAt, NOW, null);
        assertEquals(Duration.ofSeconds(30), Duration.between(NOW, first.nextAttemptAt()),
                "nine failures before expiry do not count after it");
        assertEquals(1, first.failures());
        long[] expected = {60, 120, 240, 300, 300, 300};
        for (int i = 0; i < expected.length; i++) {
            AfterFailure next = RefreshPolicy.backOff(i + 1, NOW.minusSeconds(1), expiredAt, NOW, null);
            assertEquals(Duration.ofSeconds(expected[i]), Duration.between(NOW, next.nextAttemptAt()), "failure " + (i + 2));
        }
        assertEquals(Duration.ofSeconds(30), Duration.between(NOW,
                RefreshPolicy.backOff(3, null, expiredAt, NOW, null).nextAttemptAt()), "no earlier attempt");
        assertEquals(Duration.ofSeconds(600), Duration.between(NOW,
                RefreshPolicy.backOff(6, NOW.minusSeconds(1), expiredAt, NOW, Duration.ofSeconds(600)).nextAttemptAt()),
                "Retry-After beats even the five-minute cap");
    }

    @Test
    void aRefusedGrantNeedsReconnectingAnythingElseIsBackedOff() {
        State healthy = S.healthy().expiresIn(100).state();
        AfterFailure refused = RefreshPolicy.afterFailure(healthy, NOW, true, "bad_refresh_token", null);
        assertTrue(refused.reconnect());
        assertNull(refused.nextAttemptAt(), "nothing is retried until connected again");
        assertEquals("github refused the refresh (bad_refresh_token): the grant was revoked or has expired. "
                + "Connect github again.", refused.reconnectReason());
        AfterFailure down = RefreshPolicy.afterFailure(healthy, NOW, false, "502", Duration.ofSeconds(70));
        assertFalse(down.reconnect());
        assertEquals(NOW.plusSeconds(70), down.nextAttemptAt(), "Retry-After, past halfway (50 s)");
        assertEquals(1, down.failures());
    }

    @Test
    void aRefusedGrantAfterAnInterruptionSaysTheRotatedTokenWasLost() {
        State interrupted = S.healthy().takenOverAfterInterruption().state();
        AfterFailure refused = RefreshPolicy.afterFailure(interrupted, NOW, true, "bad_refresh_token", null);
        assertEquals("A refresh that started at " + NOW.minusSeconds(60) + " was interrupted (Latchkey stopped while "
                + "github answered); github had already replaced the refresh token, and the replacement was lost. "
                + "Connect github again.", refused.reconnectReason());
    }

    @Test
    void theStateIsReadFromTheConnection() {
        Connection c = new Connection("team_1", "site_1", "github");
        c.connect("1", "octocat", List.of("repo"), "mem_1", NOW.minusSeconds(3600));
        c.store("sealed-access", "sealed-refresh", "bearer", NOW.plusSeconds(100), List.of("repo"), "{}");
        c.refreshPostponed("down", 3, NOW.minusSeconds(2), NOW.plusSeconds(9));
        c.lease("lease_1", NOW.minusSeconds(1), NOW.plusSeconds(9));
        c.refreshInterrupted(NOW.minusSeconds(30));
        assertEquals(new State("github", true, null, true, NOW.plusSeconds(100), NOW.plusSeconds(9), "down", 3,
                NOW.minusSeconds(2), NOW.minusSeconds(1), NOW.plusSeconds(9), NOW.minusSeconds(30)), State.of(c));
        c.store("sealed-access", null, "bearer", null, List.of("repo"), "{}");
        c.reconnectRequired("gone", NOW);
        State gone = State.of(c);
        assertFalse(gone.active());
        assertFalse(gone.refreshable());
        assertEquals("gone", gone.statusReason());
    }
}
