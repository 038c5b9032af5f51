package dev.latchkey.audit.control;

import dev.latchkey.audit.entity.AuditEvent;
import dev.latchkey.crypto.control.KeyedHasher;
import dev.latchkey.crypto.control.MasterKeyRing;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The chain's hash: HMAC-SHA256 (under a key derived from the master key) of an event's
 * content and the previous event's hash. Keyed, so that someone who can write to the
 * database but lacks the master key cannot forge a consistent chain after editing a row.
 */
public final class AuditChain {

    static final String PURPOSE = "latchkey/audit-chain/v1";

    private final KeyedHasher hasher;

    public AuditChain(MasterKeyRing ring) {
        this.hasher = new KeyedHasher(ring, PURPOSE);
    }

    /** The hash for a new event, with the id of the key that made it. */
    public KeyedHasher.Hashed seal(AuditEvent.Content content, long teamSeq, String prevHash) {
        return hasher.hash(canonical(content, teamSeq, prevHash));
    }

    /** The hash this event should carry, or empty when its key is no longer in the ring. */
    public Optional<String> expectedHash(AuditEvent event) {
        return hasher.hashWith(event.hashKeyId(), canonical(event.content(), event.teamSeq(), event.prevHash()))
                .map(HexFormat.of()::formatHex);
    }

    public static String hex(KeyedHasher.Hashed hashed) {
        return HexFormat.of().formatHex(hashed.hash());
    }

    /** Every field, length-prefixed, so no two different events can share an encoding. */
    static String canonical(AuditEvent.Content c, long teamSeq, String prevHash) {
        return lengthPrefixed(c.id(), c.teamId(), teamSeq, c.siteId(), c.action(),
                c.occurredAt() == null ? null : c.occurredAt().toEpochMilli(), c.actorType(), c.actorId(),
                c.actorName(), c.actorCredentialId(), c.targetType(), c.targetId(), c.targetName(), c.ip(),
                c.userAgent(), c.requestId(), c.details(), prevHash);
    }

    static String lengthPrefixed(Object... fields) {
        StringBuilder out = new StringBuilder(512);
        for (Object field : fields) {
            if (field == null) {
                out.append("-|");
            } else {
                String text = field.toString();
                out.append(text.length()).append(':').append(text).append('|');
            }
        }
        return out.toString();
    }
}
