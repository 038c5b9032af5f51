package dev.latchkey.identifiers.entity;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


class Base62Test {

    @Test
    void randomStringsHaveTheLengthAskedForAndOnlyBase62Characters() {
        for (int length : new int[] {1, 16, 32, 100}) {
            String value = Base62.random(length);
            assertEquals(length, value.length());
            assertTrue(Base62.isBase62(value), value);
        }
    }

    @Test
    void everyCharacterIsAboutEquallyLikely() {
        int[] counts = new int[62];
        int draws = 620_000;
        String sample = Base62.random(draws);
        sample.chars().forEach(c -> counts[Base62.ALPHABET.indexOf(c)]++);
        double expected = draws / 62.0;
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        // 61 degrees of freedom: the 99.9th percentile is about 100.9; a biased source lands far above.
        assertTrue(chiSquare < 110, "chi-square " + chiSquare);
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(Base62.random(16)));
        }
    }
}
