package dev.latchkey.providers.stripe;

import dev.latchkey.providers.ProviderException;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;

/**
 * Stripe Connect's scope catalog. Connect OAuth has no fine-grained scopes: a request carries
 * exactly one of {@code read_write} or {@code read_only}.
 */
final class StripeScopes {

    static final String READ_WRITE = "read_write";
    static final String READ_ONLY = "read_only";

    static final List<ScopeInfo> CATALOG = List.of(
            new ScopeInfo(READ_WRITE, "Act on the connected account: read its data and create or change charges, customers and the rest."),
            new ScopeInfo(READ_ONLY, "See the connected account's data without changing anything."));

    /** Stripe itself falls back to read_only when scope is omitted; platforms ask for read_write. */
    static final List<String> DEFAULTS = List.of(READ_WRITE);

    private StripeScopes() {
    }

    /**
     * The single value to send as {@code scope}. Stripe accepts one value only, so when both are
     * asked for the wider {@code read_write} wins (it includes reading).
     */
    static String single(List<String> requested) {
        List<String> scopes = requested.isEmpty() ? DEFAULTS : requested;
        for (String scope : scopes) {
            if (!READ_WRITE.equals(scope) && !READ_ONLY.equals(scope)) {
                throw new ProviderException(ProviderException.Reason.REJECTED,
                        "Unknown Stripe scope '" + scope + "'; Stripe offers " + READ_WRITE + " and " + READ_ONLY);
            }
        }
        return scopes.contains(READ_WRITE) ? READ_WRITE : READ_ONLY;
    }
}
