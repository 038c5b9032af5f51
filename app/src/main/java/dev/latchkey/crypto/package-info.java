/**
 * Keys and ciphers: the master key ring, AES-GCM encryption of reversible secrets and the
 * keyed hash under which credentials are stored.
 */
package dev.latchkey.crypto;
