/**
 * API tokens of a site: secret ({@code sk_}) and restricted ({@code rk_}) keys for the live or
 * test environment, with expiry, an address allowlist, an owner and metadata, revocation and
 * rolling; and verifier keys ({@code vk_}), which only verify the site's keys of their environment.
 */
package dev.latchkey.tokens;
