package dev.latchkey.providers.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that plays a provider. Subclasses keep the provider's state and build
 * each answer in {@link #answer} while holding the fake's lock ({@code synchronized (this)}, the
 * same lock their knobs take); this class records and counts every request, lets a test script
 * the next answers of one endpoint or of any endpoint, and holds an answer back for a configured
 * delay <em>after</em> the fake has done its work and let go of the lock, so a slow endpoint
 * never blocks the others. Requests are served on their own threads.
 */
public abstract class FakeProviderServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<FakeRequest> seen = new ArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final Deque<Scripted> anyEndpoint = new ArrayDeque<>();
    private final Map<String, Deque<Scripted>> byEndpoint = new HashMap<>();
    private final Map<String, Duration> delays = new HashMap<>();

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port to listen on, or 0 for any free port
     */
    protected FakeProviderServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, getClass().getSimpleName());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Where the fake listens, {@code http://127.0.0.1:<port>}. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The provider's settings ({@code latchkey.providers.<id>.*} without the prefix) that point at this fake. */
    public abstract Map<String, String> settings();

    /** The next request to any endpoint gets this answer instead of the fake's own. */
    public synchronized void answerNext(int status, String body, Map<String, String> headers) {
        anyEndpoint.add(Scripted.answer(status, body, headers));
    }

    /**
     * The next request to {@code path} gets this answer instead of the fake's own; call again to
     * script the one after. Answers scripted for other paths are left alone.
     */
    public synchronized void answerNext(String path, int status, String body, Map<String, String> headers) {
        byEndpoint.computeIfAbsent(path, p -> new ArrayDeque<>()).add(Scripted.answer(status, body, headers));
    }

    /** The next request to any endpoint gets no answer: the connection is closed. */
    public synchronized void dropNext() {
        anyEndpoint.add(Scripted.dropped());
    }

    /** The next request to {@code path} gets no answer: the connection is closed. */
    public synchronized void dropNext(String path) {
        byEndpoint.computeIfAbsent(path, p -> new ArrayDeque<>()).add(Scripted.dropped());
    }

    /**
     * Holds every answer of {@code path} back this long after the fake has acted on the request
     * (issued, rotated or revoked), like a slow provider: a client that gives up meanwhile has
     * missed what the fake did. {@link Duration#ZERO} ends the delay.
     */
    public synchronized void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** How many requests reached {@code path} (scripted, dropped and delayed ones included). */
    public synchronized int calls(String path) {
        return calls.getOrDefault(path, 0);
    }

    /** Every request received so far, oldest first. */
    public synchronized List<FakeRequest> seen() {
        return List.copyOf(seen);
    }

    /** Every request to {@code path} received so far, oldest first. */
    public synchronized List<FakeRequest> seen(String path) {
        return seen.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The latest request to {@code path}, or null. */
    public synchronized FakeRequest last(String path) {
        List<FakeRequest> matching = seen(path);
        return matching.isEmpty() ? null : matching.get(matching.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * Builds the provider's own answer to {@code request}. Called while holding the fake's lock.
     */
    protected abstract void answer(FakeRequest request, FakeAnswer answer) throws IOException;

    /** Parses {@code a=1&b=2} (URL-encoded) into an ordered map. */
    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            FakeRequest request = read(exchange);
            FakeAnswer answer = new FakeAnswer();
            Duration delay;
            synchronized (this) {
                seen.add(request);
                calls.merge(request.path(), 1, Integer::sum);
                Scripted scripted = nextScripted(request.path());
                if (scripted != null) {
                    scripted.writeTo(answer);
                } else {
                    answer(request, answer);
                }
                delay = delays.getOrDefault(request.path(), Duration.ZERO);
            }
            pause(delay);
            write(exchange, answer);
        }
    }

    private Scripted nextScripted(String path) {
        Deque<Scripted> forPath = byEndpoint.get(path);
        Scripted scripted = forPath == null ? null : forPath.poll();
        return scripted != null ? scripted : anyEndpoint.poll();
    }

    private static FakeRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> form = parseForm(query);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            form.putAll(parseForm(body));
        }
        return new FakeRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
                exchange.getRequestHeaders(), form, body);
    }

    private static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpExchange exchange, FakeAnswer answer) throws IOException {
        if (answer.dropped()) {
            return;
        }
        answer.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        String body = answer.body();
        if (!exchange.getResponseHeaders().containsKey("Content-Type") && (body.startsWith("{") || body.startsWith("["))) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
