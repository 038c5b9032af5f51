package dev.latchkey.oauth.control;

/**
 * What a sign-in or consent form is bound to: its one-time id, the hash of the form cookie of
 * the browser it was shown to, and, for a consent-only form, the session it was shown under.
 */
public record FormBinding(String formId, String browserHash, String sessionId) {
}
