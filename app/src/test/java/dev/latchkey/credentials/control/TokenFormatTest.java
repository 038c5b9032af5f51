package dev.latchkey.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

    @Test
    void generatedTokenHasPrefixPublicIdSecretAndChecksum() {
        TokenFormat.Token token = TokenFormat.generate("sk_live_");
        assertTrue(token.value().startsWith("sk_live_"));
        assertEquals("sk_live_".length() + 12 + 32 + 6, token.value().length());
        assertEquals(token.value().substring(8, 20), token.publicId());
        assertTrue(token.value().substring(8).matches("[0-9A-Za-z]+"));
    }

    @Test
    void generatedTokenParsesBackToItsParts() {
        TokenFormat.Token token = TokenFormat.generate("pat_");
        TokenFormat.Token parsed = TokenFormat.parse(token.value()).orElseThrow();
        assertEquals(token, parsed);
        assertEquals("pat_", parsed.prefix());
        assertEquals(token.value().substring(token.value().length() - 4), parsed.last4());
    }

    @Test
    void everySingleCharacterTypoIsCaughtByTheChecksum() {
        String token = TokenFormat.generate("pat_").value();
        for (int i = 4; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'x' ? 'y' : 'x';
            String typo = token.substring(0, i) + replacement + token.substring(i + 1);
            assertTrue(TokenFormat.parse(typo).isEmpty(), "typo at " + i + " must not parse");
        }
    }

    @Test
    void malformedInputIsRejectedWithoutThrowing() {
        String token = TokenFormat.generate("pat_").value();
        for (String bad : new String[]{null, "", "pat_", "nonsense", token + "x", token.substring(1),
                "PAT_" + token.substring(4), token.replace('_', '-'), "_" + token.substring(4),
                token.substring(0, 10) + "!" + token.substring(11)}) {
            assertTrue(TokenFormat.parse(bad).isEmpty(), "must reject " + bad);
        }
    }

    @Test
    void tokensAreUnique() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenFormat.generate("pat_").publicId()));
        }
    }

    @Test
    void toStringNeverRevealsTheSecret() {
        TokenFormat.Token token = TokenFormat.generate("pat_");
        assertTrue(!token.toString().contains(token.value().substring(16)));
        assertNotEquals(token.value(), token.toString());
    }
}
