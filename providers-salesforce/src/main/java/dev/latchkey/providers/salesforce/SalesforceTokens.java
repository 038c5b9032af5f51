package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.latchkey.providers.Json;

/** Reads Salesforce token responses (code exchange and refresh) into {@link TokenSet}s. */
final class SalesforceTokens {

    /** The org's API base URL; it can move (org migration, My Domain change), so every refresh updates it. */
    static final String INSTANCE_URL = "instance_url";
    /** The identity URL naming org and user ({@code …/id/{orgId}/{userId}}); the account lookup reads it. */
    static final String IDENTITY_URL = "id";
    /** Experience Cloud logins also name the site they came through. */
    static final String COMMUNITY_URL = "sfdc_community_url";
    static final String COMMUNITY_ID = "sfdc_community_id";

    private static final List<String> KEPT = List.of(INSTANCE_URL, IDENTITY_URL, COMMUNITY_URL, COMMUNITY_ID);
    private static final String SCOPE_SEPARATOR = " ";

    private SalesforceTokens() {
    }

    /**
     * The tokens of a response. {@code previous} is null for a code exchange; for a refresh it
     * supplies the refresh token, scopes and extras the response leaves out.
     */
    static TokenSet read(Json body, Instant now, Duration sessionLifetime, TokenSet previous) {
        Map<String, String> extras = new HashMap<>(previous == null ? Map.of() : previous.extras());
        for (String key : KEPT) {
            if (body.has(key) && !body.string(key, "").isBlank()) {
                extras.put(key, body.string(key, ""));
            }
        }
        TokenSet parsed = OAuthHttp.tokenSet(body, now,
                previous == null ? null : previous.refreshToken(),
                previous == null ? List.of() : previous.grantedScopes(),
                SCOPE_SEPARATOR, extras);
        Instant expiresAt = parsed.expiresAt() != null
                ? parsed.expiresAt() : issuedAt(body, now).plus(sessionLifetime);
        return new TokenSet(parsed.accessToken(), parsed.refreshToken(), parsed.tokenType(), expiresAt,
                parsed.grantedScopes(), parsed.extras());
    }

    /**
     * Salesforce sends no {@code expires_in}: an access token lives as long as the org's session
     * timeout (2 hours unless an admin changed it), counted from {@code issued_at} (epoch
     * milliseconds, as a string). A time ahead of ours is not believed, so a skewed server clock
     * cannot stretch the estimate.
     */
    static Instant issuedAt(Json body, Instant now) {
        String value = body.string("issued_at", "").trim();
        if (value.isEmpty()) {
            return now;
        }
        try {
            Instant issued = Instant.ofEpochMilli(Long.parseLong(value));
            return issued.isAfter(now) ? now : issued;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return now;
        }
    }
}
