package dev.latchkey.credentials.entity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A member's role. Owners may do everything; developers everything except deleting scopes,
 * removing members and changing roles. Both hold every permission: what sets them apart is
 * checked per action ({@link Caller#requireOwner}).
 */
public enum Role {
    OWNER, DEVELOPER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<Permission> permissions() {
        return EnumSet.allOf(Permission.class);
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }
}
