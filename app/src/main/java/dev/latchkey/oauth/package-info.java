/**
 * The OAuth 2.0 authorization server: clients per site, signing keys, the token, revocation
 * and introspection endpoints, and JWT access tokens (RFC 9068) accepted by the whole API.
 */
package dev.latchkey.oauth;
