/**
 * Personal access tokens: expiring credentials that act for a member, limited to the
 * permissions they were given.
 */
package dev.latchkey.personaltokens;
