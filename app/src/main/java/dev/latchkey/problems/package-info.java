/**
 * The one error shape: domain exceptions and the mappers that turn every failure into
 * {@code {error, message, request_id}} JSON without leaking internals.
 */
package dev.latchkey.problems;
