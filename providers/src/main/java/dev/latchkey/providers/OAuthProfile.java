package dev.latchkey.providers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a standard OAuth 2.0 provider is, as data: the description {@link OAuthProviderFactory}
 * publishes and the wire behaviour {@link OAuthProvider} follows. Build one with {@link #builder}.
 *
 * @param id                      a stable lower-case id such as {@code gitlab}
 * @param displayName             a human name such as {@code GitLab}
 * @param authorizationUrl        where the user authorizes (setting {@value #AUTHORIZE_URL} overrides it)
 * @param tokenUrl                the token endpoint for code exchange and refresh ({@value #TOKEN_URL})
 * @param revocationUrl           an RFC 7009 revocation endpoint, or null when there is none ({@value #REVOCATION_URL})
 * @param accountUrl              where a GET with the access token answers the account, or null ({@value #ACCOUNT_URL})
 * @param accountId               how the account id is read from that answer: a member name or an RFC 6901 pointer
 * @param accountName             how the readable account name is read (falls back to the id when absent)
 * @param clientAuthentication    how the client authenticates at the token and revocation endpoints
 * @param scopeSeparator          how scopes are joined in the authorization URL
 * @param grantedScopeSeparator   how the token response's {@code scope} separates granted scopes
 * @param pkce                    whether the provider takes an S256 PKCE challenge
 * @param refreshRotation         what the provider does with refresh tokens
 * @param scopes                  every scope offered, with a one-line description
 * @param defaultScopes           the scopes requested when a connection names none
 * @param authorizationParameters extra constant query parameters of the authorization URL
 * @param settings                the settings the provider reads, shown by {@code GET /v1/providers}
 */
public record OAuthProfile(String id, String displayName, String authorizationUrl, String tokenUrl,
                           String revocationUrl, String accountUrl, String accountId, String accountName,
                           ClientAuthentication clientAuthentication, String scopeSeparator,
                           String grantedScopeSeparator, boolean pkce, RefreshRotation refreshRotation,
                           List<ScopeInfo> scopes, List<String> defaultScopes,
                           Map<String, String> authorizationParameters, List<Setting> settings) {

    /** The setting overriding {@link #authorizationUrl}. */
    public static final String AUTHORIZE_URL = "authorize-url";
    /** The setting overriding {@link #tokenUrl}. */
    public static final String TOKEN_URL = "token-url";
    /** The setting overriding {@link #revocationUrl}. */
    public static final String REVOCATION_URL = "revocation-url";
    /** The setting overriding {@link #accountUrl}. */
    public static final String ACCOUNT_URL = "account-url";

    public OAuthProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        requireUrl(authorizationUrl, "authorizationUrl");
        requireUrl(tokenUrl, "tokenUrl");
        if (revocationUrl != null) {
            requireUrl(revocationUrl, "revocationUrl");
        }
        if (accountUrl != null) {
            requireUrl(accountUrl, "accountUrl");
        }
        Objects.requireNonNull(clientAuthentication, "clientAuthentication");
        Objects.requireNonNull(refreshRotation, "refreshRotation");
        scopeSeparator = scopeSeparator == null || scopeSeparator.isEmpty() ? " " : scopeSeparator;
        grantedScopeSeparator = grantedScopeSeparator == null || grantedScopeSeparator.isEmpty()
                ? scopeSeparator : grantedScopeSeparator;
        scopes = List.copyOf(scopes);
        defaultScopes = List.copyOf(defaultScopes);
        authorizationParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(authorizationParameters));
        settings = List.copyOf(settings);
    }

    /** A builder with the usual defaults: client secret in the POST body, space-separated scopes, no PKCE, no refresh. */
    public static Builder builder(String id, String displayName) {
        return new Builder(id, displayName);
    }

    /** What this profile supports: PKCE, refresh, revocation of one connection's tokens (no account-wide revocation). */
    public Capabilities capabilities() {
        return new Capabilities(pkce, refreshRotation.refreshes(), revocationUrl != null, false);
    }

    /** A copy of this profile's values in a builder, to change a few. */
    public Builder toBuilder() {
        Builder b = new Builder(id, displayName).authorizationUrl(authorizationUrl).tokenUrl(tokenUrl)
                .revocationUrl(revocationUrl).accountUrl(accountUrl, accountId, accountName)
                .clientAuthentication(clientAuthentication).scopeSeparator(scopeSeparator)
                .grantedScopeSeparator(grantedScopeSeparator).pkce(pkce).refreshRotation(refreshRotation)
                .scopes(scopes).defaultScopes(defaultScopes);
        authorizationParameters.forEach(b::authorizationParameter);
        b.settings.clear();
        b.settings.addAll(settings);
        b.standardSettings = false;
        return b;
    }

    /**
     * Reads a scope table: one scope a line, its name, a tab, its one-line description; blank
     * lines and lines starting with {@code #} are skipped.
     */
    public static List<ScopeInfo> readScopes(InputStream tsv) {
        List<ScopeInfo> scopes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 1) {
                    throw new IllegalArgumentException("a scope line needs a name, a tab and a description: " + line);
                }
                scopes.add(new ScopeInfo(line.substring(0, tab).trim(), line.substring(tab + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(scopes);
    }

    private static void requireUrl(String url, String what) {
        Objects.requireNonNull(url, what);
        URI uri = URI.create(url);
        if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException(what + " must be an http(s) URL: " + url);
        }
    }

    /** Builds an {@link OAuthProfile}. */
    public static final class Builder {

        private final String id;
        private final String displayName;
        private String authorizationUrl;
        private String tokenUrl;
        private String revocationUrl;
        private String accountUrl;
        private String accountId = "id";
        private String accountName;
        private ClientAuthentication clientAuthentication = ClientAuthentication.POST;
        private String scopeSeparator = " ";
        private String grantedScopeSeparator;
        private boolean pkce;
        private RefreshRotation refreshRotation = RefreshRotation.NO_REFRESH;
        private List<ScopeInfo> scopes = List.of();
        private List<String> defaultScopes = List.of();
        private final Map<String, String> authorizationParameters = new LinkedHashMap<>();
        private final List<Setting> settings = new ArrayList<>();
        private boolean standardSettings = true;

        private Builder(String id, String displayName) {
            this.id = id;
            this.displayName = displayName;
        }

        public Builder authorizationUrl(String url) {
            this.authorizationUrl = url;
            return this;
        }

        public Builder tokenUrl(String url) {
            this.tokenUrl = url;
            return this;
        }

        /** An RFC 7009 revocation endpoint; null for none. */
        public Builder revocationUrl(String url) {
            this.revocationUrl = url;
            return this;
        }

        /**
         * Where the account is read, and how: {@code id} and {@code name} are member names or
         * RFC 6901 pointers ({@code /id}, {@code /data/attributes/name}); {@code name} may be null.
         */
        public Builder accountUrl(String url, String id, String name) {
            this.accountUrl = url;
            this.accountId = id;
            this.accountName = name;
            return this;
        }

        public Builder clientAuthentication(ClientAuthentication style) {
            this.clientAuthentication = style;
            return this;
        }

        public Builder scopeSeparator(String separator) {
            this.scopeSeparator = separator;
            return this;
        }

        /** When the token response separates granted scopes differently from the request (GitHub: ","). */
        public Builder grantedScopeSeparator(String separator) {
            this.grantedScopeSeparator = separator;
            return this;
        }

        public Builder pkce(boolean pkce) {
            this.pkce = pkce;
            return this;
        }

        public Builder refreshRotation(RefreshRotation rotation) {
            this.refreshRotation = rotation;
            return this;
        }

        public Builder scopes(List<ScopeInfo> scopes) {
            this.scopes = List.copyOf(scopes);
            return this;
        }

        /** The scope catalog from a class-path resource next to {@code owner} (see {@link OAuthProfile#readScopes}). */
        public Builder scopesFrom(Class<?> owner, String resource) {
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no scope table " + resource + " next to " + owner.getName());
                }
                return scopes(readScopes(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Builder defaultScopes(List<String> scopes) {
            this.defaultScopes = List.copyOf(scopes);
            return this;
        }

        public Builder authorizationParameter(String name, String value) {
            this.authorizationParameters.put(name, value);
            return this;
        }

        /** Adds (or replaces, by name) a setting besides the standard ones. */
        public Builder setting(Setting setting) {
            settings.removeIf(s -> s.name().equals(setting.name()));
            settings.add(setting);
            return this;
        }

        public OAuthProfile build() {
            List<Setting> all = new ArrayList<>();
            if (standardSettings) {
                all.add(Setting.CLIENT_ID);
                all.add(Setting.CLIENT_SECRET);
                all.add(Setting.optional(AUTHORIZE_URL, "Overrides the authorization URL, default " + authorizationUrl + "."));
                all.add(Setting.optional(TOKEN_URL, "Overrides the token URL, default " + tokenUrl + "."));
                if (revocationUrl != null) {
                    all.add(Setting.optional(REVOCATION_URL, "Overrides the revocation URL, default " + revocationUrl + "."));
                }
                if (accountUrl != null) {
                    all.add(Setting.optional(ACCOUNT_URL, "Overrides the account URL, default " + accountUrl + "."));
                }
                all.removeIf(s -> settings.stream().anyMatch(own -> own.name().equals(s.name())));
            }
            all.addAll(settings);
            return new OAuthProfile(id, displayName, authorizationUrl, tokenUrl, revocationUrl, accountUrl, accountId,
                    accountName, clientAuthentication, scopeSeparator, grantedScopeSeparator, pkce, refreshRotation,
                    scopes, defaultScopes, authorizationParameters, all);
        }
    }
}
