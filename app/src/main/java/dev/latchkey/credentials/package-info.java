/**
 * The credential core every token kind plugs into: the token format, issuing, the keyed
 * hash lookup, and the request filter that authenticates each call.
 */
package dev.latchkey.credentials;
