package dev.latchkey.audit.control;

import dev.latchkey.credentials.entity.Caller;

/**
 * Who made a change: a member (acting through one of its credentials), a credential not
 * tied to a member (an API key), the system itself, or an anonymous client.
 */
public record Actor(String type, String id, String name, String credentialId) {

    public static final Actor SYSTEM = new Actor("system", null, "latchkey", null);
    public static final Actor ANONYMOUS = new Actor("anonymous", null, null, null);

    public static Actor of(Caller caller) {
        if (caller.member() != null) {
            return new Actor("member", caller.member().id(), caller.member().email(), caller.credentialId());
        }
        return new Actor("token", caller.credentialId(), caller.credentialName(), caller.credentialId());
    }
}
