/**
 * The credential core every token kind plugs into: the token format, issuing, the keyed
 * hash lookup and authentication (the request filter that calls it is {@code access}'s);
 * its entity package holds the value types every feature shares: {@code Caller},
 * {@code Authority}, {@code Permission}, {@code Role}, {@code CredentialKind} and the
 * credential events.
 */
package dev.latchkey.credentials;
