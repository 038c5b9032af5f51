package dev.latchkey.tokens.control;

import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.problems.control.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Secret keys hold every permission; restricted keys only the ones they were given; verifier keys
 * none: they only verify the site's keys of their environment ({@code POST /v1/keys/verify}).
 */
public enum ApiTokenKind {
    SECRET("secret", "sk_"), RESTRICTED("restricted", "rk_"), VERIFIER("verifier", "vk_");

    private final String wireName;
    private final String prefixStart;

    ApiTokenKind(String wireName, String prefixStart) {
        this.wireName = wireName;
        this.prefixStart = prefixStart;
    }

    public String wireName() {
        return wireName;
    }

    public String prefix(Environment environment) {
        return prefixStart + environment.wireName() + "_";
    }

    public static ApiTokenKind fromWire(String name) {
        for (ApiTokenKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new InvalidInputException("type", "type must be 'secret', 'restricted' or 'verifier'");
    }

    public static ApiTokenKind ofPrefix(String prefix) {
        for (ApiTokenKind kind : values()) {
            if (prefix.startsWith(kind.prefixStart)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an API key prefix: " + prefix);
    }

    Set<Permission> permissions(Set<Permission> requested) {
        return switch (this) {
            case SECRET -> EnumSet.allOf(Permission.class);
            case RESTRICTED -> requested;
            case VERIFIER -> Set.of();
        };
    }
}
