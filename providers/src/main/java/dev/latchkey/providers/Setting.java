package dev.latchkey.providers;

/**
 * One setting a provider reads from {@code latchkey.providers.<id>.<name>}, as shown by
 * {@code GET /v1/providers}: what it is for, whether connecting needs it, and whether its value
 * is secret (never shown, never logged).
 */
public record Setting(String name, String description, boolean required, boolean secret) {

    /** The OAuth client id, required. */
    public static final Setting CLIENT_ID = new Setting(ProviderConfig.CLIENT_ID,
            "The OAuth client id of the app registered at the provider.", true, false);
    /** The OAuth client secret, required and secret. */
    public static final Setting CLIENT_SECRET = new Setting(ProviderConfig.CLIENT_SECRET,
            "The OAuth client secret of the app registered at the provider.", true, true);

    public Setting {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a setting needs a name");
        }
        description = description == null ? "" : description;
    }

    /** An optional, non-secret setting (an endpoint override, for example). */
    public static Setting optional(String name, String description) {
        return new Setting(name, description, false, false);
    }
}
