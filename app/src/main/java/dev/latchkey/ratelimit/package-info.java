/**
 * Rate limits per credential and brute-force protection per client address: Bucket4j token
 * buckets in a JCache shared by every Latchkey instance of the cluster.
 */
package dev.latchkey.ratelimit;
