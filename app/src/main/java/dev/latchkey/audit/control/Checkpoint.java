package dev.latchkey.audit.control;

import dev.latchkey.problems.control.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A position in a team's chain and the hash of the event there, written {@code <position>:<hash>}.
 * Verification hands one out; an operator who keeps it outside the database can later ask
 * whether the chain still passes through it, which no rollback of the database to an earlier
 * state can fake.
 */
public record Checkpoint(long position, String hash) {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,17}):([0-9a-f]{64})");

    /** @throws InvalidInputException when the text is not a checkpoint */
    public static Checkpoint parse(String text) {
        var match = FORM.matcher(text == null ? "" : text.trim());
        if (!match.matches()) {
            throw new InvalidInputException("checkpoint",
                    "checkpoint must be <chain position>:<64 hex digits>, as verify returned it");
        }
        return new Checkpoint(Long.parseLong(match.group(1)), match.group(2));
    }

    @Override
    public String toString() {
        return position + ":" + hash;
    }
}
