/**
 * The one error shape: the domain exceptions every layer throws, with their error codes. The
 * mappers that turn every failure into {@code {error, message, request_id}} JSON without
 * leaking internals are HTTP's ({@code http.boundary}).
 */
package dev.latchkey.problems;
