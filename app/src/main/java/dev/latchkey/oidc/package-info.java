/**
 * OpenID Connect Core for members, on top of the OAuth server: the {@code openid},
 * {@code profile} and {@code email} scopes, ID tokens, the UserInfo endpoint, discovery and
 * RP-initiated logout. Latchkey stays an OAuth server first: nothing here changes the API.
 */
package dev.latchkey.oidc;
