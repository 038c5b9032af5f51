package dev.latchkey.providers.profiles;

import dev.latchkey.providers.ClientAuthentication;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.RefreshRotation;
import dev.latchkey.providers.ScopeInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a provider profile, a JSON file, into an {@link OAuthProfile}, strictly: an unknown field,
 * a missing required one or a value of the wrong kind is a {@link ProfileException} naming the
 * file and the field ({@code account.id}, {@code scopes[2].name}). The format is described in
 * {@code docs/writing-a-provider.md}.
 */
public final class ProfileReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{0,31}");
    private static final Set<String> TOP = Set.of("id", "display_name", "authorization_url", "token_url",
            "revocation_url", "client_authentication", "scope_separator", "granted_scope_separator", "pkce",
            "refresh_tokens", "account", "scopes", "default_scopes", "authorization_params", "sources", "notes");
    private static final Set<String> ACCOUNT = Set.of("url", "id", "name");
    private static final Set<String> SCOPE = Set.of("name", "description");
    /** Parameters the standard provider sets itself; a profile may not replace them. */
    private static final Set<String> RESERVED_PARAMS = Set.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method");

    private ProfileReader() {
    }

    /**
     * @param origin names the file in messages (its file name)
     * @param text   the file's content
     * @throws ProfileException when the text is not a valid profile
     */
    public static ProfileFile read(String origin, String text) {
        Object root;
        try {
            root = JsonText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProfileException(origin, "not valid JSON: " + e.getMessage());
        }
        Fields top = Fields.object(origin, "", root, TOP);
        String id = top.string("id", true);
        if (!ID.matcher(id).matches()) {
            throw top.error("id", "must be 1 to 32 lower-case letters and digits, starting with a letter, not \"" + id + "\"");
        }
        OAuthProfile.Builder builder = OAuthProfile.builder(id, top.string("display_name", true))
                .authorizationUrl(top.url("authorization_url", true))
                .tokenUrl(top.url("token_url", true))
                .revocationUrl(top.url("revocation_url", false))
                .clientAuthentication(clientAuthentication(top))
                .pkce(top.bool("pkce"))
                .refreshRotation(refreshRotation(top));
        String separator = top.string("scope_separator", false);
        if (separator != null) {
            builder.scopeSeparator(separator);
        }
        String granted = top.string("granted_scope_separator", false);
        if (granted != null) {
            builder.grantedScopeSeparator(granted);
        }
        Fields account = top.object("account", ACCOUNT);
        if (account == null) {
            throw top.error("account", "is required: Latchkey reads whom the tokens act for when connecting");
        }
        builder.accountUrl(account.url("url", true), pointer(account, "id", true), pointer(account, "name", false));
        List<ScopeInfo> scopes = scopes(top);
        builder.scopes(scopes).defaultScopes(defaultScopes(top, scopes));
        for (Map.Entry<String, String> param : top.strings("authorization_params").entrySet()) {
            if (RESERVED_PARAMS.contains(param.getKey())) {
                throw top.error("authorization_params." + param.getKey(), "is set by Latchkey itself and cannot be given");
            }
            builder.authorizationParameter(param.getKey(), param.getValue());
        }
        List<String> sources = top.list("sources", false).stream().map(s -> top.urlValue("sources", s)).toList();
        try {
            return new ProfileFile(origin, builder.build(), sources, top.string("notes", false));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProfileException(origin, e.getMessage());
        }
    }

    private static ClientAuthentication clientAuthentication(Fields top) {
        String style = top.string("client_authentication", false);
        if (style == null) {
            return ClientAuthentication.POST;
        }
        return switch (style) {
            case "basic" -> ClientAuthentication.BASIC;
            case "post" -> ClientAuthentication.POST;
            default -> throw top.error("client_authentication", "must be \"basic\" or \"post\", not \"" + style + "\"");
        };
    }

    private static RefreshRotation refreshRotation(Fields top) {
        String value = top.string("refresh_tokens", true);
        return switch (value) {
            case "none" -> RefreshRotation.NO_REFRESH;
            case "keeps" -> RefreshRotation.KEEPS;
            case "may_rotate" -> RefreshRotation.MAY_ROTATE;
            case "rotates" -> RefreshRotation.ROTATES;
            default -> throw top.error("refresh_tokens",
                    "must be \"none\", \"keeps\", \"may_rotate\" or \"rotates\", not \"" + value + "\"");
        };
    }

    private static String pointer(Fields account, String field, boolean required) {
        String value = account.string(field, required);
        if (value != null && (value.isEmpty() || !value.startsWith("/"))) {
            throw account.error(field, "must be a JSON pointer such as \"/id\" or \"/data/id\", not \"" + value + "\"");
        }
        return value;
    }

    private static List<ScopeInfo> scopes(Fields top) {
        List<Object> items = top.list("scopes", true);
        List<ScopeInfo> scopes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Fields scope = Fields.object(top.origin, "scopes[" + i + "].", items.get(i), SCOPE);
            String name = scope.string("name", true);
            if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw scope.error("name", "must be one word, not \"" + name + "\"");
            }
            if (!seen.add(name)) {
                throw scope.error("name", "\"" + name + "\" is listed twice");
            }
            String description = scope.string("description", true);
            if (description.isBlank()) {
                throw scope.error("description", "must say what the scope grants");
            }
            scopes.add(new ScopeInfo(name, description));
        }
        return scopes;
    }

    private static List<String> defaultScopes(Fields top, List<ScopeInfo> scopes) {
        Set<String> names = new HashSet<>();
        scopes.forEach(s -> names.add(s.name()));
        Set<String> defaults = new LinkedHashSet<>();
        for (Object item : top.list("default_scopes", false)) {
            if (!(item instanceof String name)) {
                throw top.error("default_scopes", "must list scope names (strings)");
            }
            if (!names.contains(name)) {
                throw top.error("default_scopes", "names \"" + name + "\", which is not in scopes");
            }
            defaults.add(name);
        }
        return List.copyOf(defaults);
    }

    /** The members of one JSON object, read field by field, every error naming the file and field. */
    private static final class Fields {

        final String origin;
        final String path;
        final Map<?, ?> members;

        private Fields(String origin, String path, Map<?, ?> members) {
            this.origin = origin;
            this.path = path;
            this.members = members;
        }

        static Fields object(String origin, String path, Object value, Set<String> known) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new ProfileException(origin, (path.isEmpty() ? "the file" : "field \"" + path.substring(0, path.length() - 1) + "\"")
                        + " must be a JSON object");
            }
            for (Object name : map.keySet()) {
                if (!known.contains(name)) {
                    throw new ProfileException(origin, "unknown field \"" + path + name + "\" (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
            return new Fields(origin, path, map);
        }

        ProfileException error(String field, String message) {
            return new ProfileException(origin, "field \"" + path + field + "\" " + message);
        }

        String string(String field, boolean required) {
            Object value = value(field, required);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String s)) {
                throw error(field, "must be a string");
            }
            return s;
        }

        boolean bool(String field) {
            Object value = value(field, false);
            if (value == null) {
                return false;
            }
            if (!(value instanceof Boolean b)) {
                throw error(field, "must be true or false");
            }
            return b;
        }

        String url(String field, boolean required) {
            String value = string(field, required);
            return value == null ? null : urlValue(field, value);
        }

        String urlValue(String field, Object value) {
            if (value instanceof String s) {
                try {
                    URI uri = new URI(s);
                    if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                        return s;
                    }
                } catch (java.net.URISyntaxException ignored) {
                    // refused below
                }
            }
            throw error(field, "must be an http(s) URL, not " + (value instanceof String ? "\"" + value + "\"" : value));
        }

        List<Object> list(String field, boolean required) {
            Object value = value(field, required);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw error(field, "must be a JSON array");
            }
            return new ArrayList<>(list);
        }

        Fields object(String field, Set<String> known) {
            Object value = value(field, false);
            return value == null ? null : Fields.object(origin, path + field + ".", value, known);
        }

        Map<String, String> strings(String field) {
            Object value = value(field, false);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw error(field, "must be a JSON object of strings");
            }
            java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(v instanceof String s)) {
                    throw error(field + "." + k, "must be a string");
                }
                out.put((String) k, s);
            });
            return out;
        }

        private Object value(String field, boolean required) {
            Object value = members.get(field);
            if (value == null && required) {
                throw error(field, "is required");
            }
            return value;
        }
    }
}
