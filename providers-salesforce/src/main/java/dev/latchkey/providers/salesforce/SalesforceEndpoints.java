package dev.latchkey.providers.salesforce;

import dev.latchkey.providers.ProviderConfig;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The URLs the Salesforce provider calls. Authorize, token and revoke hang off one login host
 * (production, sandbox or a My Domain), and each can be overridden on its own.
 */
record SalesforceEndpoints(String loginUrl, String authorizeUrl, URI tokenUrl, URI revokeUrl) {

    static final String LOGIN_URL = "login-url";
    static final String ENVIRONMENT = "environment";
    static final String AUTHORIZE_URL = "authorize-url";
    static final String TOKEN_URL = "token-url";
    static final String REVOKE_URL = "revoke-url";

    static final String PRODUCTION_LOGIN_URL = "https://login.salesforce.com";
    static final String SANDBOX_LOGIN_URL = "https://test.salesforce.com";

    static final String AUTHORIZE_PATH = "/services/oauth2/authorize";
    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String REVOKE_PATH = "/services/oauth2/revoke";
    static final String USERINFO_PATH = "/services/oauth2/userinfo";

    static SalesforceEndpoints from(ProviderConfig config) {
        String login = trimSlash(config.get(LOGIN_URL).orElseGet(() -> environmentLoginUrl(config)));
        String authorize = config.get(AUTHORIZE_URL, login + AUTHORIZE_PATH);
        URI.create(authorize);
        return new SalesforceEndpoints(login, authorize,
                URI.create(config.get(TOKEN_URL, login + TOKEN_PATH)),
                URI.create(config.get(REVOKE_URL, login + REVOKE_PATH)));
    }

    /** The OpenID Connect userinfo endpoint under {@code base} (a login host or an instance URL). */
    static URI userinfo(String base) {
        return URI.create(trimSlash(base) + USERINFO_PATH);
    }

    /**
     * Whether a URL named by a token response (the identity URL, the instance URL) may receive
     * the bearer token: any HTTPS URL, or a URL on the configured login host itself. This keeps
     * a token off plain HTTP unless the operator pointed the login URL there (a local fake).
     */
    boolean mayReceiveToken(String url) {
        try {
            URI candidate = URI.create(url);
            if ("https".equalsIgnoreCase(candidate.getScheme()) && candidate.getHost() != null) {
                return true;
            }
            URI login = URI.create(loginUrl);
            return candidate.getHost() != null
                    && Objects.equals(lower(candidate.getScheme()), lower(login.getScheme()))
                    && candidate.getHost().equalsIgnoreCase(login.getHost())
                    && port(candidate) == port(login);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String environmentLoginUrl(ProviderConfig config) {
        String environment = config.get(ENVIRONMENT, "production").trim().toLowerCase(Locale.ROOT);
        return switch (environment) {
            case "production" -> PRODUCTION_LOGIN_URL;
            case "sandbox" -> SANDBOX_LOGIN_URL;
            default -> throw new IllegalArgumentException("latchkey.providers." + config.providerId() + "."
                    + ENVIRONMENT + " must be 'production' or 'sandbox', not '" + environment + "'");
        };
    }

    private static String trimSlash(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI.create(trimmed);
        return trimmed;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
