/**
 * Prefixed random identifiers ({@code site_…}, {@code tok_…}) and their base62 alphabet.
 */
package dev.latchkey.identifiers;
