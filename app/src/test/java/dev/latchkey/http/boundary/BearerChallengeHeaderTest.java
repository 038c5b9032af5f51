package dev.latchkey.http.boundary;

import dev.latchkey.problems.control.BearerChallenge;
import dev.latchkey.problems.control.InsufficientScopeException;
import dev.latchkey.problems.control.LacksPermissionException;
import dev.latchkey.problems.control.NotAuthenticatedException;
import dev.latchkey.problems.control.NotPermittedException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** RFC 6750 §3.1: what {@code WWW-Authenticate} says for each kind of refusal. */
class BearerChallengeHeaderTest {

    @Test
    void noCredentialCarriesNoErrorCode() {
        assertEquals("Bearer realm=\"latchkey\"",
                Problems.header(NotAuthenticatedException.noCredential("none").challenge().orElseThrow()));
    }

    @Test
    void aBadCredentialIsAnInvalidToken() {
        assertEquals("Bearer realm=\"latchkey\", error=\"invalid_token\"",
                Problems.header(new NotAuthenticatedException("bad").challenge().orElseThrow()));
    }

    @Test
    void aMissingPermissionNamesTheScopeThatWouldDo() {
        assertEquals("Bearer realm=\"latchkey\", error=\"insufficient_scope\", scope=\"write\"",
                Problems.header(new LacksPermissionException("write", "no").challenge().orElseThrow()));
        assertEquals("Bearer realm=\"latchkey\", error=\"insufficient_scope\"",
                Problems.header(new InsufficientScopeException("no").challenge().orElseThrow()));
    }

    @Test
    void otherRefusalsChallengeNothing() {
        assertEquals(Optional.<BearerChallenge>empty(), new NotPermittedException("address").challenge());
    }
}
