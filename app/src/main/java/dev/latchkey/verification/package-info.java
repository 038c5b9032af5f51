/**
 * Verifying a site's API key for the team's own API ({@code POST /v1/keys/verify}), by a verifier
 * key ({@code vk_live_}/{@code vk_test_}): the same authentication, rate limit, usage counting and
 * last-used recording as a direct call with the key, plus the permissions and scopes asked for.
 */
package dev.latchkey.verification;
