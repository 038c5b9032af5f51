package dev.latchkey.problems.control;

/** One problem with one input field, named as the caller sent it (snake_case). */
public record InvalidField(String field, String message) {
}
