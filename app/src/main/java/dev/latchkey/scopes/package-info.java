/**
 * Data scopes over a site's schema: named sets of {@code Type.field} entries that restrict
 * fields to the credentials holding them, enforced on every data request with no sync step.
 */
package dev.latchkey.scopes;
