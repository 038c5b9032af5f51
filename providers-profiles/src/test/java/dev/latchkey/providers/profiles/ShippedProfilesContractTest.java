package dev.latchkey.providers.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.OAuthProviderFactory;
import dev.latchkey.providers.testkit.FakeOAuthServer;
import dev.latchkey.providers.testkit.ProviderContract;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every shipped profile through the provider contract, against the test kit's fake OAuth server
 * made to behave as the profile says: its client authentication, and an account answer with the
 * id and name where the profile's pointers look for them ({@code /data/gid}, {@code /sub}, …).
 * Each profile is one nested class, found by the provider's id through ServiceLoader as Latchkey
 * finds it.
 */
class ShippedProfilesContractTest {

    @Test
    void everyShippedProfileHasItsContractRun() {
        assertEquals(BundledProfiles.IDS.stream().sorted().toList(),
                Arrays.stream(ShippedProfilesContractTest.class.getDeclaredClasses())
                        .filter(ShippedContract.class::isAssignableFrom)
                        .filter(c -> !java.lang.reflect.Modifier.isAbstract(c.getModifiers()))
                        .map(c -> c.getSimpleName().toLowerCase()).sorted().toList());
    }

    /** The contract for one shipped profile; the fake answers the account where the profile reads it. */
    abstract class ShippedContract extends ProviderContract {

        @Override
        protected String providerId() {
            return getClass().getSimpleName().toLowerCase();
        }

        @Override
        protected void configure(FakeOAuthServer fake) {
            super.configure(fake);
            OAuthProfile profile = ((OAuthProviderFactory) factory).profile();
            Map<String, Object> account = new LinkedHashMap<>();
            put(account, profile.accountId(), expectedAccountId());
            if (profile.accountName() != null) {
                put(account, profile.accountName(), "Ada Lovelace");
            }
            fake.account("/me", json(account));
        }
    }

    /** Puts {@code value} at an RFC 6901 pointer such as {@code /data/gid}, making the objects on the way. */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> root, String pointer, Object value) {
        String[] steps = pointer.substring(1).split("/");
        Map<String, Object> at = root;
        for (int i = 0; i < steps.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(steps[i], k -> new LinkedHashMap<String, Object>());
        }
        at.put(steps[steps.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    static String json(Map<String, Object> object) {
        StringBuilder out = new StringBuilder("{");
        object.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(name).append("\":");
            out.append(value instanceof Map<?, ?> m ? json((Map<String, Object>) m) : "\"" + value + "\"");
        });
        return out.append('}').toString();
    }

    @Nested
    class Asana extends ShippedContract {
    }

    @Nested
    class Atlassian extends ShippedContract {
    }

    @Nested
    class Bitbucket extends ShippedContract {
    }

    @Nested
    class Box extends ShippedContract {
    }

    @Nested
    class Discord extends ShippedContract {
    }

    @Nested
    class GitLab extends ShippedContract {
    }

    @Nested
    class Google extends ShippedContract {
    }

    @Nested
    class Microsoft extends ShippedContract {
    }

    @Nested
    class Reddit extends ShippedContract {
    }

    @Nested
    class X extends ShippedContract {
    }

    @Nested
    class Zoom extends ShippedContract {
    }
}
