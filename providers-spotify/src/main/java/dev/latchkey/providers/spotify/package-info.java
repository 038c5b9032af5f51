/** Latchkey's Spotify plugin: connects Spotify user accounts to the Web API through the authorization code flow with PKCE. */
package dev.latchkey.providers.spotify;
