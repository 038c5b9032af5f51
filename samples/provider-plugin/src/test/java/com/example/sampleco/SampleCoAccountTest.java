package com.example.sampleco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.providers.Account;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.Provider;
import dev.latchkey.providers.ProviderConfig;
import dev.latchkey.providers.TokenSet;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SampleCo's quirk: the account request asks for SampleCo's versioned media type. */
class SampleCoAccountTest {

    HttpServer api;
    final AtomicReference<String> accept = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/v1/me", exchange -> {
            accept.set(exchange.getRequestHeaders().getFirst("Accept"));
            boolean versioned = SampleCoProvider.MEDIA_TYPE.equals(accept.get());
            byte[] body = (versioned ? "{\"id\":\"u_42\",\"name\":\"Ada\"}" : "{\"error\":\"unsupported media type\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(versioned ? 200 : 415, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    @Test
    void theAccountIsReadWithSampleCosMediaType() {
        String base = "http://127.0.0.1:" + api.getAddress().getPort();
        Provider provider = new SampleCoProviderFactory().create(new ProviderConfig("sampleco", Map.of(
                "client-id", "id", "client-secret", "secret", OAuthProfile.ACCOUNT_URL, base + "/v1/me")),
                HttpClient.newHttpClient());

        Account account = provider.account(new TokenSet("at_1", null, "bearer", null, List.of(), Map.of()));

        assertEquals(new Account("u_42", "Ada"), account);
        assertEquals(SampleCoProvider.MEDIA_TYPE, accept.get());
    }

    @Test
    void declaresTheSpiVersionItWasBuiltFor() {
        assertEquals("1.0", new SampleCoProviderFactory().spiVersion());
    }
}
