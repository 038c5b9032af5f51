package dev.latchkey.providers.github;

import dev.latchkey.providers.OAuthHttp;
import dev.latchkey.providers.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Maps GitHub's failure shapes onto {@link ProviderException.Reason}s. */
final class GitHubErrors {

    /** Token-endpoint errors after which only a new authorization helps. */
    private static final Set<String> GRANT_GONE = Set.of("bad_verification_code", "bad_refresh_token", "invalid_grant");

    private GitHubErrors() {
    }

    /**
     * The token endpoint answers its OAuth errors with HTTP 200 and an {@code error} member
     * ({@code bad_verification_code}, {@code incorrect_client_credentials}, {@code bad_refresh_token},
     * …), so the body decides, not the status.
     */
    static void raiseForTokenError(OAuthHttp.Reply reply) {
        String error = reply.body().string("error");
        if (reply.status() < 300 && error != null) {
            ProviderException.Reason reason = GRANT_GONE.contains(error)
                    ? ProviderException.Reason.INVALID_GRANT : ProviderException.Reason.REJECTED;
            String description = reply.body().string("error_description");
            throw new ProviderException(reason, "GitHub token endpoint answered " + error
                    + (description == null ? "" : ": " + description));
        }
        OAuthHttp.raiseForError(reply);
    }

    /**
     * The REST API signals an exhausted rate limit with 403 or 429 and either {@code Retry-After}
     * (secondary limits) or {@code X-RateLimit-Remaining: 0} with the reset time in
     * {@code X-RateLimit-Reset} (primary limit), per GitHub's REST rate-limit documentation.
     */
    static void raiseForApiError(OAuthHttp.Reply reply, Instant now) {
        int status = reply.status();
        if (status == 403 || status == 429) {
            Optional<Duration> retryAfter = seconds(reply.header("Retry-After"));
            boolean exhausted = reply.header("X-RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent();
            if (retryAfter.isPresent() || exhausted) {
                Duration wait = retryAfter.orElseGet(() -> seconds(reply.header("X-RateLimit-Reset"))
                        .map(reset -> Duration.between(now, Instant.ofEpochSecond(reset.getSeconds())))
                        .filter(d -> !d.isNegative())
                        .orElse(null));
                throw new ProviderException(ProviderException.Reason.RATE_LIMITED, "GitHub API rate limit reached",
                        wait, null);
            }
        }
        OAuthHttp.raiseForError(reply);
    }

    /**
     * Whether an {@code /applications/{client_id}/token} or {@code …/grant} call answered that
     * GitHub does not know the token (404): it was revoked, expired or rotated away already.
     * A 401 (bad client credentials) or 422 is not this answer.
     */
    static boolean tokenUnknown(OAuthHttp.Reply reply) {
        return reply.status() == 404;
    }

    private static Optional<Duration> seconds(Optional<String> header) {
        return header.flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
