/**
 * Who is calling and how often: the access log, use counts per credential, day and outcome
 * (batched, never a database write per request), a site's usage by key or owner, and time to hello world.
 */
package dev.latchkey.usage;
