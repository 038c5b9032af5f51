package dev.latchkey.oauth.control;

import dev.latchkey.oauth.entity.OAuthClient;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The client an OAuth endpoint authenticated in this request, once it has: the CORS answer
 * names its origins only (and stays silent for a request no client was proven for).
 */
@RequestScoped
public class RequestClient {

    private OAuthClient client;

    public void identified(OAuthClient who) {
        this.client = who;
    }

    public Optional<OAuthClient> client() {
        return Optional.ofNullable(client);
    }
}
