package dev.latchkey.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** POST /v1/keys/verify on the JDK HTTP server: answers what the test says, and records each request. */
final class FakeVerifyEndpoint implements AutoCloseable {

    record Received(String authorization, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile Function<String, String> answer = body -> valid("[\"read\"]");

    FakeVerifyEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/keys/verify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
            byte[] out = answer.apply(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    static String valid(String permissions) {
        return "{\"valid\": true, \"code\": \"VALID\", \"key_id\": \"tok_1\", \"site_id\": \"site_1\", "
                + "\"environment\": \"test\", \"permissions\": " + permissions + ", \"scopes\": [], "
                + "\"owner_id\": \"cust_42\", \"metadata\": {\"plan\": \"pro\", \"n\": [1, 2.5e0]}, "
                + "\"expires_at\": null, \"rate_limit\": {\"limit\": 100, \"remaining\": 99, \"reset\": 1}}";
    }

    /** A valid answer with Latchkey's cache hint and its site and environment's revocation counter. */
    static String valid(String permissions, int cacheSeconds, long revocations) {
        return valid(permissions).replace("\"reset\": 1}}", "\"reset\": 1}, \"cache_seconds\": " + cacheSeconds
                + ", \"revocations\": " + revocations + "}");
    }

    static String refused(String code) {
        return "{\"valid\": false, \"code\": \"" + code + "\", \"key_id\": \"tok_1\", \"site_id\": \"site_1\", "
                + "\"environment\": \"test\", \"permissions\": null, \"scopes\": null, \"owner_id\": null, "
                + "\"metadata\": null, \"expires_at\": null, \"rate_limit\": {\"limit\": 2, \"remaining\": 0, \"reset\": 37}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
