package dev.latchkey.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.audit.entity.ChainHead;
import dev.latchkey.crypto.control.MasterKey;
import dev.latchkey.crypto.control.MasterKeyRing;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChainHeadSealTest {

    static final MasterKey ONE = key(1);
    static final MasterKey TWO = key(2);

    static MasterKey key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return MasterKey.of(bytes);
    }

    static ChainHead head(String team) {
        ChainHead head = new ChainHead(team);
        head.advance(7, "a".repeat(64));
        head.purgedThrough(3, "b".repeat(64));
        return head;
    }

    @Test
    void aSealedHeadHolds() {
        var seals = new ChainHeadSeal(new MasterKeyRing(ONE, List.of()));
        ChainHead head = head("team_a");
        seals.apply(head);
        assertEquals(Optional.empty(), seals.problem(head));
        assertEquals(ONE.id(), head.sealKeyId());
    }

    @Test
    void movingEitherEndOrItsHashBreaksTheSeal() {
        var seals = new ChainHeadSeal(new MasterKeyRing(ONE, List.of()));
        List<Consumer<ChainHead>> tamperings = List.of(
                h -> h.advance(6, h.lastHash()),
                h -> h.advance(h.lastSeq(), "c".repeat(64)),
                h -> h.purgedThrough(4, h.purgedHash()),
                h -> h.purgedThrough(5, "d".repeat(64)));
        for (var tamper : tamperings) {
            ChainHead head = head("team_a");
            seals.apply(head);
            tamper.accept(head);
            assertTrue(seals.problem(head).orElseThrow().contains("does not match"));
        }
    }

    @Test
    void aSealCopiedFromAnotherTeamsHeadDoesNotHold() {
        var seals = new ChainHeadSeal(new MasterKeyRing(ONE, List.of()));
        ChainHead mine = head("team_a");
        ChainHead theirs = head("team_b");
        seals.apply(theirs);
        mine.seal(theirs.sealKeyId(), theirs.seal());
        assertFalse(seals.problem(mine).isEmpty());
    }

    @Test
    void anUnsealedHeadIsReportedNotTrusted() {
        var seals = new ChainHeadSeal(new MasterKeyRing(ONE, List.of()));
        assertEquals(Optional.of("the chain head is not sealed"), seals.problem(head("team_a")));
    }

    @Test
    void aRotatedMasterKeyStillChecksOldSealsAndSaysTheyShouldBeRenewed() {
        ChainHead head = head("team_a");
        new ChainHeadSeal(new MasterKeyRing(ONE, List.of())).apply(head);
        var rotated = new ChainHeadSeal(new MasterKeyRing(TWO, List.of(ONE)));
        assertEquals(Optional.empty(), rotated.problem(head));
        assertTrue(rotated.underRetiredKey(head));
        rotated.apply(head);
        assertEquals(TWO.id(), head.sealKeyId());
        assertFalse(rotated.underRetiredKey(head));
        var forgotten = new ChainHeadSeal(new MasterKeyRing(TWO, List.of()));
        new ChainHeadSeal(new MasterKeyRing(ONE, List.of())).apply(head);
        assertTrue(forgotten.problem(head).orElseThrow().contains("no longer configured"));
    }
}
