package dev.latchkey.credentials.entity;

import dev.latchkey.problems.control.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The coarse action rights a credential can hold. */
public enum Permission {
    READ, WRITE, DELETE, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Permission> fromWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }

    /**
     * The permissions named on the wire, each of which must be known.
     *
     * @throws InvalidInputException naming the field and the unknown name
     */
    public static Set<Permission> parse(String field, java.util.List<String> names) {
        Set<Permission> result = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            result.add(fromWire(name).orElseThrow(() -> new InvalidInputException(field,
                    "Unknown permission '" + name + "'; use read, write, delete or admin")));
        }
        return result;
    }

    /** The stored form: wire names, comma-separated, in declaration order. */
    public static String encode(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::wireName).collect(Collectors.joining(","));
    }

    public static Set<Permission> decode(String stored) {
        Set<Permission> result = EnumSet.noneOf(Permission.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(Permission::fromWire).flatMap(Optional::stream).forEach(result::add);
        }
        return result;
    }
}
