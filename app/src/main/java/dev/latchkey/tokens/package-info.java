/**
 * API tokens of a site: secret ({@code sk_}) and restricted ({@code rk_}) keys for the live or
 * test environment, with expiry, an address allowlist, revocation and rolling.
 */
package dev.latchkey.tokens;
