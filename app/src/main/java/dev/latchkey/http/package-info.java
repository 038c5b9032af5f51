/**
 * HTTP plumbing shared by every feature: the JAX-RS application, JSON binding, request ids,
 * the per-request context (client address, user agent), and the mappers that render every
 * failure in the one error shape.
 */
package dev.latchkey.http;
