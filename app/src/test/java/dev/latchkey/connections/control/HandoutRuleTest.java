package dev.latchkey.connections.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.connections.control.HandoutRule.Verdict;
import dev.latchkey.connections.entity.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The fetch rule as a table: every state a connection can be in, and what a fetch gets. */
class HandoutRuleTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final HandoutRule RULE = new HandoutRule(Duration.ofMinutes(5), Duration.ofSeconds(30));

    private static Connection connection(Instant expiresAt, boolean refreshable, Consumer<Connection> state) {
        Connection c = new Connection("team_1", "site_1", "github");
        c.connect("1", "octocat", List.of("repo"), "mem_1", NOW.minusSeconds(3600));
        c.store("sealed-access", refreshable ? "sealed-refresh" : null, "bearer", expiresAt, List.of("repo"), "{}");
        state.accept(c);
        return c;
    }

    private static Connection connection(Instant expiresAt, boolean refreshable) {
        return connection(expiresAt, refreshable, c -> { });
    }

    private static void backedOff(Connection c, Instant until) {
        c.refreshPostponed("Provider rate limit reached", 1, NOW.minusSeconds(1), until);
    }

    @Test
    void aTokenFarFromExpiryIsServed() {
        assertEquals(Verdict.SERVE, RULE.decide(connection(NOW.plusSeconds(3600), true), NOW, false).verdict());
        assertEquals(Verdict.SERVE, RULE.decide(connection(NOW.plusSeconds(3600), false), NOW, false).verdict());
        assertEquals(Verdict.SERVE, RULE.decide(connection(null, false), NOW, false).verdict(), "a token that never expires");
        assertEquals(Verdict.SERVE, RULE.decide(connection(null, true), NOW, false).verdict());
    }

    @Test
    void aTokenWithinTheRefreshMarginIsRefreshedFirstThenServedWhileValid() {
        Connection c = connection(NOW.plusSeconds(120), true);
        assertEquals(Verdict.REFRESH_FIRST, RULE.decide(c, NOW, false).verdict());
        assertEquals(Verdict.SERVE, RULE.decide(c, NOW, true).verdict(), "the refresh failed; the token is still valid");
    }

    @Test
    void aTokenWithinTheHandoutMarginOrExpiredIsNeverServed() {
        for (Instant expiry : List.of(NOW.plusSeconds(29), NOW, NOW.minusSeconds(1), NOW.minusSeconds(86_400))) {
            Connection refreshable = connection(expiry, true);
            assertEquals(Verdict.REFRESH_FIRST, RULE.decide(refreshable, NOW, false).verdict());
            assertEquals(Verdict.RETRY_LATER, RULE.decide(refreshable, NOW, true).verdict(), "expiry " + expiry);
            HandoutRule.Decision noRefresh = RULE.decide(connection(expiry, false), NOW, false);
            assertEquals(Verdict.RECONNECT, noRefresh.verdict(), "no refresh token: nothing can bring it back");
            assertTrue(noRefresh.reason().contains("no refresh token"), noRefresh.reason());
        }
    }

    @Test
    void aBackOffIsNeverCutShortByAFetch() {
        Connection valid = connection(NOW.plusSeconds(120), true, c -> backedOff(c, NOW.plusSeconds(20)));
        assertEquals(Verdict.SERVE, RULE.decide(valid, NOW, false).verdict(), "still valid: served, provider not called");
        Connection expired = connection(NOW.minusSeconds(10), true, c -> backedOff(c, NOW.plusSeconds(20)));
        HandoutRule.Decision decision = RULE.decide(expired, NOW, false);
        assertEquals(Verdict.RETRY_LATER, decision.verdict());
        assertEquals(Duration.ofSeconds(20), decision.retryAfter());
        Connection over = connection(NOW.minusSeconds(10), true, c -> backedOff(c, NOW.minusSeconds(1)));
        assertEquals(Verdict.REFRESH_FIRST, RULE.decide(over, NOW, false).verdict(), "the back-off has ended");
    }

    @Test
    void aConnectionThatNeedsReconnectingIsNeverServedWhateverItsExpiry() {
        for (Instant expiry : java.util.Arrays.asList(null, NOW.plusSeconds(3600), NOW.minusSeconds(1))) {
            Connection c = connection(expiry, true, x -> x.refreshFailed("invalid_grant", "revoked at GitHub", NOW));
            HandoutRule.Decision decision = RULE.decide(c, NOW, false);
            assertEquals(Verdict.RECONNECT, decision.verdict());
            assertEquals("revoked at GitHub", decision.reason());
        }
    }

    @Test
    void anInterruptedRefreshIsRetriedBeforeAnythingIsServed() {
        Connection deadHolder = connection(NOW.plusSeconds(3600), true,
                c -> c.lease("lease_dead", NOW.minusSeconds(60), NOW.minusSeconds(1)));
        assertEquals(Verdict.REFRESH_FIRST, RULE.decide(deadHolder, NOW, false).verdict(),
                "the provider may have replaced the token the dead holder was refreshing");
        assertEquals(Verdict.RETRY_LATER, RULE.decide(deadHolder, NOW, true).verdict());
        Connection takenOver = connection(NOW.plusSeconds(3600), true, c -> {
            c.refreshInterrupted(NOW.minusSeconds(60));
            backedOff(c, NOW.plusSeconds(30));
        });
        assertEquals(Verdict.RETRY_LATER, RULE.decide(takenOver, NOW, false).verdict(), "backing off, not served");
        Connection liveHolder = connection(NOW.plusSeconds(3600), true,
                c -> c.lease("lease_live", NOW.minusSeconds(1), NOW.plusSeconds(9)));
        assertEquals(Verdict.REFRESH_FIRST, RULE.decide(liveHolder, NOW, false).verdict(),
                "a refresh under way: wait for its token rather than take the one being replaced");
        assertEquals(Verdict.RETRY_LATER, RULE.decide(liveHolder, NOW, true).verdict());
    }

    @Test
    void theHandoutMarginNeverReachesPastTheRefreshMargin() {
        HandoutRule tight = new HandoutRule(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertEquals(Verdict.SERVE, tight.decide(connection(NOW.plusSeconds(20), true), NOW, true).verdict(),
                "capped at half the refresh margin (15 s)");
    }
}
