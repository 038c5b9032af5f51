/**
 * Client addresses: CIDR blocks for allowlists and the trusted-proxy rule that decides which
 * address a request really came from.
 */
package dev.latchkey.network;
