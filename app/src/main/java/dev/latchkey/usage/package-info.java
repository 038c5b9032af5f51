/**
 * Who is calling and how often: the access log, request counts per credential and day
 * (batched, never a database write per request), and time to hello world.
 */
package dev.latchkey.usage;
