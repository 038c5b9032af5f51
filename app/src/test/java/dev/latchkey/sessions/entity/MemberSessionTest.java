package dev.latchkey.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The two timeouts: use keeps a session alive for the idle period, never past the absolute one. */
class MemberSessionTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-02T08:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);

    private static MemberSession session() {
        return new MemberSession("hash", "team_1", "mem_1", SIGNED_IN, IDLE, Duration.ofHours(12), "198.51.100.7",
                "test");
    }

    @Test
    void anUnusedSessionEndsAfterTheIdlePeriod() {
        MemberSession session = session();
        assertTrue(session.liveAt(SIGNED_IN.plus(Duration.ofMinutes(29))));
        assertFalse(session.liveAt(SIGNED_IN.plus(IDLE)));
    }

    @Test
    void useExtendsTheIdlePeriodButNeverPastTheAbsoluteTimeout() {
        MemberSession session = session();
        Instant now = SIGNED_IN;
        for (int i = 0; i < 30; i++) {
            now = now.plus(Duration.ofMinutes(25));
            if (session.liveAt(now)) {
                session.seen(now, IDLE);
            }
        }
        assertEquals(SIGNED_IN.plus(Duration.ofHours(12)), session.idleExpiresAt());
        assertFalse(session.liveAt(SIGNED_IN.plus(Duration.ofHours(12))), "twelve hours after sign-in, it ends");
        assertTrue(session.liveAt(SIGNED_IN.plus(Duration.ofHours(12)).minusSeconds(1)));
    }

    @Test
    void aRevokedSessionIsNotLive() {
        MemberSession session = session();
        session.revoke(SIGNED_IN.plusSeconds(1));
        assertFalse(session.liveAt(SIGNED_IN.plusSeconds(2)));
    }

    @Test
    void usesWithinAMinuteWriteNothingAndTheIdleTimeNeverEndsLaterThanThirtyMinutesAfterUse() {
        MemberSession session = session();
        Instant first = session.idleExpiresAt();
        session.seen(SIGNED_IN.plusSeconds(59), IDLE);
        assertEquals(first, session.idleExpiresAt(), "a use within a minute changes nothing (no write)");
        assertEquals(SIGNED_IN, session.lastSeenAt());
        Instant later = SIGNED_IN.plusSeconds(60);
        session.seen(later, IDLE);
        assertEquals(later.plus(IDLE), session.idleExpiresAt());
        assertEquals(later, session.lastSeenAt());
        assertTrue(session.liveAt(later.plus(IDLE).minusSeconds(1)));
    }

    @Test
    void theLastStepReachesTheAbsoluteTimeoutEvenWhenShorterThanAMinute() {
        MemberSession session = session();
        Instant nearTheEnd = SIGNED_IN.plus(Duration.ofHours(12)).minus(IDLE).minusSeconds(30);
        session.seen(nearTheEnd, IDLE);
        session.seen(nearTheEnd.plusSeconds(40), IDLE);
        assertEquals(SIGNED_IN.plus(Duration.ofHours(12)), session.idleExpiresAt());
    }
}
