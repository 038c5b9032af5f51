package dev.latchkey.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NotAuthenticatedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PresentedCredentialTest {

    @Test
    void bearerBasicAndApiKeyHeadersAllYieldTheToken() {
        assertEquals("tok", PresentedCredential.from("Bearer tok", null).orElseThrow());
        assertEquals("tok", PresentedCredential.from("bearer   tok ", null).orElseThrow());
        String basic = Base64.getEncoder().encodeToString("tok:".getBytes(StandardCharsets.UTF_8));
        assertEquals("tok", PresentedCredential.from("Basic " + basic, null).orElseThrow());
        String noColon = Base64.getEncoder().encodeToString("tok".getBytes(StandardCharsets.UTF_8));
        assertEquals("tok", PresentedCredential.from("Basic " + noColon, null).orElseThrow());
        assertEquals("tok", PresentedCredential.from(null, "tok").orElseThrow());
    }

    @Test
    void nothingPresentedIsEmpty() {
        assertTrue(PresentedCredential.from(null, null).isEmpty());
        assertTrue(PresentedCredential.from(" ", "").isEmpty());
    }

    @Test
    void unknownSchemesAndBrokenBasicAreUnauthenticated() {
        assertThrows(NotAuthenticatedException.class, () -> PresentedCredential.from("Digest abc", null));
        assertThrows(NotAuthenticatedException.class, () -> PresentedCredential.from("Basic %%%", null));
    }

    @Test
    void twoCredentialsAtOnceAreAmbiguous() {
        assertThrows(InvalidInputException.class, () -> PresentedCredential.from("Bearer a", "b"));
    }
}
