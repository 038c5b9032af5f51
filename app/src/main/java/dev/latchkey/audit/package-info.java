/**
 * The audit log: an append-only record of every change (who, when, from where, what, to
 * which target), queryable, exportable, and chained per team so tampering shows.
 */
package dev.latchkey.audit;
