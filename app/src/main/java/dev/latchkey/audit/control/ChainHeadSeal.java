package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.ChainHead;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.crypto.control.MasterKeyRing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The seal on a chain head: HMAC-SHA256, under its own key derived from the master key, of the
 * team, the last position and hash, and the purge point with its hash. Each event's hash
 * already proves the events between the ends; the seal proves the ends themselves, so that
 * deleting the newest events and rewriting the head, or deleting the oldest and moving the
 * purge point, shows without the master key to seal the result.
 */
public final class ChainHeadSeal {

    static final String PURPOSE = "latchkey/audit-chain-head/v1";

    private final KeyedHasher hasher;
    private final MasterKeyRing ring;

    public ChainHeadSeal(MasterKeyRing ring) {
        this.ring = ring;
        this.hasher = new KeyedHasher(ring, PURPOSE);
    }

    /** Seals the head as it now stands, under the current master key. */
    public void apply(ChainHead head) {
        KeyedHasher.Hashed sealed = hasher.hash(canonical(head));
        head.seal(sealed.keyId(), HexFormat.of().formatHex(sealed.hash()));
    }

    /** Why the head's seal does not hold, or empty when it does. */
    public Optional<String> problem(ChainHead head) {
        if (head.seal() == null) {
            return Optional.of("the chain head is not sealed");
        }
        Optional<byte[]> expected = hasher.hashWith(head.sealKeyId(), canonical(head));
        if (expected.isEmpty()) {
            return Optional.of("the chain head is sealed under a master key no longer configured");
        }
        byte[] expectedHex = HexFormat.of().formatHex(expected.get()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expectedHex, head.seal().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("the chain head's seal does not match: its end or purge point was rewritten");
        }
        return Optional.empty();
    }

    /** Whether the seal holds but was made under a master key that is no longer the current one. */
    public boolean underRetiredKey(ChainHead head) {
        return head.seal() != null && !ring.current().id().equals(head.sealKeyId()) && problem(head).isEmpty();
    }

    static String canonical(ChainHead head) {
        return AuditChain.lengthPrefixed("chain-head", head.teamId(), head.lastSeq(), head.lastHash(),
                head.purgedThrough(), head.purgedHash());
    }
}
