package dev.latchkey.credentials.control;

import dev.latchkey.credentials.entity.Caller;
import java.util.Optional;

/**
 * Verifies a JWT presented as a bearer credential. The OAuth server provides it; the core
 * only knows that a token of the JWT shape goes here instead of the opaque-token lookup.
 */
public interface JwtVerifier {

    /**
     * The caller for a valid, unrevoked JWT; empty for anything else (bad signature, unknown
     * key, wrong issuer or audience, expired, revoked, not a Latchkey access token).
     */
    Optional<Caller> verify(String jwt);

    /** The same for the JWT the current request presents as {@code Authorization: Bearer}. */
    default Optional<Caller> verifyBearer(String jwt) {
        return verify(jwt);
    }

    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first && token.chars().filter(c -> c == '.').count() == 2;
    }
}
