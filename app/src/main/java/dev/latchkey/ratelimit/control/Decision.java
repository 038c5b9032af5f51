package dev.latchkey.ratelimit.control;

/**
 * The outcome of one check: allowed or not, and what the {@code RateLimit-*} headers say
 * (limit, remaining, seconds until the bucket is full again; Retry-After when refused).
 */
public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
