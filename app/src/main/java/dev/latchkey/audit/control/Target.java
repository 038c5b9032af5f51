package dev.latchkey.audit.control;

/** What a change was made to: a type, its public id and a readable name. Never a secret. */
public record Target(String type, String id, String name) {
}
