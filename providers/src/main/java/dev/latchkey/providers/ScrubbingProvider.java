package dev.latchkey.providers;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wraps any {@link Provider} so that no exception leaving it names a secret: the client secret
 * (and every other secret setting), the authorization code and PKCE verifier, the access and
 * refresh tokens of the call. Each is replaced by {@value #REDACTED}; a cause that names one is
 * dropped. Latchkey wraps every installed provider; {@link OAuthProviderFactory} wraps its own.
 */
public final class ScrubbingProvider implements Provider {

    public static final String REDACTED = "[redacted]";

    private final Provider delegate;
    private final List<String> configSecrets;

    private ScrubbingProvider(Provider delegate, List<String> configSecrets) {
        this.delegate = delegate;
        this.configSecrets = configSecrets;
    }

    /** {@code provider}, scrubbing the values of {@code settings} marked secret (and the client secret) from its errors. */
    public static Provider wrap(Provider provider, ProviderConfig config, Collection<Setting> settings) {
        if (provider instanceof ScrubbingProvider) {
            return provider;
        }
        List<String> secrets = new ArrayList<>();
        config.get(ProviderConfig.CLIENT_SECRET).ifPresent(secrets::add);
        for (Setting setting : settings) {
            if (setting.secret()) {
                config.get(setting.name()).ifPresent(secrets::add);
            }
        }
        return new ScrubbingProvider(provider, List.copyOf(secrets));
    }

    /** The wrapped provider. */
    public Provider delegate() {
        return delegate;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        return guard(() -> delegate.authorizationUrl(request), request.codeChallenge());
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        return guard(() -> delegate.exchangeCode(exchange), exchange.code(), exchange.codeVerifier());
    }

    @Override
    public TokenSet refresh(TokenSet current) {
        return guard(() -> delegate.refresh(current), current.accessToken(), current.refreshToken());
    }

    @Override
    public void revoke(TokenSet current) {
        guard(() -> {
            delegate.revoke(current);
            return null;
        }, current.accessToken(), current.refreshToken());
    }

    @Override
    public void revokeAccount(TokenSet current) {
        guard(() -> {
            delegate.revokeAccount(current);
            return null;
        }, current.accessToken(), current.refreshToken());
    }

    @Override
    public void validate(TokenSet current) {
        guard(() -> {
            delegate.validate(current);
            return null;
        }, current.accessToken(), current.refreshToken());
    }

    @Override
    public Account account(TokenSet current) {
        return guard(() -> delegate.account(current), current.accessToken(), current.refreshToken());
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return scrub(String.valueOf(delegate), configSecrets);
    }

    private <T> T guard(Supplier<T> call, String... callSecrets) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            List<String> secrets = new ArrayList<>(configSecrets);
            for (String s : callSecrets) {
                if (s != null && !s.isEmpty()) {
                    secrets.add(s);
                }
            }
            throw scrubbed(e, secrets);
        }
    }

    static RuntimeException scrubbed(RuntimeException e, List<String> secrets) {
        String message = scrub(e.getMessage(), secrets);
        Throwable cause = e.getCause();
        boolean causeLeaks = false;
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (!scrub(String.valueOf(c), secrets).equals(String.valueOf(c))) {
                causeLeaks = true;
            }
        }
        boolean messageLeaks = message != null && !message.equals(e.getMessage());
        if (!messageLeaks && !causeLeaks) {
            return e;
        }
        Throwable keptCause = causeLeaks ? null : cause;
        RuntimeException clean;
        if (e instanceof ProviderException p) {
            clean = new ProviderException(p.reason(), message, p.retryAfter(), keptCause);
        } else if (e instanceof UnsupportedOperationException) {
            clean = new UnsupportedOperationException(message, keptCause);
        } else {
            clean = new ProviderException(ProviderException.Reason.REJECTED,
                    e.getClass().getSimpleName() + ": " + message, null, keptCause);
        }
        clean.setStackTrace(e.getStackTrace());
        return clean;
    }

    static String scrub(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, REDACTED);
                String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
                out = out.replace(encoded, REDACTED);
            }
        }
        return out;
    }
}
