/**
 * HTTP plumbing shared by every feature: the JAX-RS application, JSON binding, request ids
 * and the per-request context (client address, user agent).
 */
package dev.latchkey.http;
