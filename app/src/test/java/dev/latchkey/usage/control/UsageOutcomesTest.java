package dev.latchkey.usage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.credentials.entity.CredentialUsed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UsageOutcomesTest {

    @Test
    void validIsWhatAuthenticatedAndWasNotRefusedAfterwardsNeverBelowZero() {
        assertEquals(2, Usage.valid(6, 2, 2));
        assertEquals(0, Usage.valid(1, 1, 1));
    }

    @Test
    void everyOutcomeHasItsOwnColumn() {
        assertEquals(CredentialUsed.Outcome.values().length, Arrays.stream(CredentialUsed.Outcome.values())
                .map(UsageWrites::column).distinct().count());
        assertEquals("requests", UsageWrites.column(CredentialUsed.Outcome.VALID));
    }
}
