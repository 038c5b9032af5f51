package dev.latchkey.oauth.boundary;

import dev.latchkey.oauth.entity.OAuthConsent;
import java.time.Instant;
import java.util.List;

/** A member's grant to a client: the scopes allowed, remembered until revoked. */
public record OAuthGrantView(String id, String clientId, List<String> scopes, Instant createdAt, Instant updatedAt,
                             Instant revokedAt) {

    static OAuthGrantView of(OAuthConsent consent) {
        return new OAuthGrantView(consent.id(), consent.clientId(), consent.scopes(), consent.createdAt(),
                consent.updatedAt(), consent.revokedAt());
    }
}
