package dev.latchkey.oauth.control;

import dev.latchkey.credentials.entity.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OAuth scopes and what they grant: {@code read}, {@code write} and {@code delete} are the
 * permissions of the same names on the client's site data; {@code <Type>:read} and
 * {@code <Type>:write} the same for one type's documents only; {@code offline_access} is
 * needed for a refresh token; {@code openid}, {@code profile} and {@code email} are OpenID
 * Connect's ({@link OpenIdScopes}).
 */
public final class OAuthScopes {

    public static final String OFFLINE_ACCESS = "offline_access";
    /** What a client registered without a scope list may ask for (OpenID Connect's scopes need no registration). */
    public static final List<String> CLIENT_DEFAULT = List.of("read", "write", "delete", OFFLINE_ACCESS);
    public static final List<String> SUPPORTED = List.of("read", "write", "delete", OFFLINE_ACCESS,
            OpenIdScopes.OPENID, OpenIdScopes.PROFILE, OpenIdScopes.EMAIL);
    /** {@code <Type>:read} and {@code <Type>:write}: the permission for one type's documents only. */
    static final java.util.regex.Pattern TYPE_SCOPE = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9_]{0,63}):(read|write)");

    private OAuthScopes() {
    }

    /** Parses a space-separated scope parameter. */
    public static List<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +"))));
    }

    /** Scopes a client may be registered with; anything else is a 400 naming it. */
    public static List<String> unsupported(List<String> scopes) {
        List<String> unknown = new ArrayList<>(scopes);
        unknown.removeAll(SUPPORTED);
        unknown.removeIf(scope -> TYPE_SCOPE.matcher(scope).matches());
        return unknown;
    }

    /** The per-type permissions of {@code <Type>:read} / {@code <Type>:write} scopes. */
    public static java.util.Map<String, Set<Permission>> typePermissions(List<String> scopes) {
        java.util.Map<String, Set<Permission>> byType = new java.util.TreeMap<>();
        for (String scope : scopes) {
            var matcher = TYPE_SCOPE.matcher(scope);
            if (matcher.matches()) {
                byType.computeIfAbsent(matcher.group(1), t -> EnumSet.noneOf(Permission.class))
                        .add("read".equals(matcher.group(2)) ? Permission.READ : Permission.WRITE);
            }
        }
        return byType;
    }

    public static Set<Permission> permissions(List<String> scopes) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        scopes.forEach(scope -> Permission.fromWire(scope).ifPresent(permissions::add));
        permissions.remove(Permission.ADMIN);
        return permissions;
    }
}
