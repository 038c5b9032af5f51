package dev.latchkey.http.control;

/**
 * A request record whose own {@code MessageBodyReader} parses and checks it in one pass (unknown
 * fields, types, limits, plain text), for a hot path: the JSON body guard then only checks size,
 * UTF-8 and depth, and neither binds it with JSON-B nor walks it again.
 */
public interface ReadsItself {
}
