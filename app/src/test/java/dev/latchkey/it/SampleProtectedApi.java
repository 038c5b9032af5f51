package dev.latchkey.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.client.LatchkeyServletFilter;
import dev.latchkey.client.LatchkeyVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A customer's tiny API, protected by latchkey-client's {@link LatchkeyServletFilter}: the JDK HTTP
 * server with a thin adapter presenting each exchange as an {@code HttpServletRequest}/{@code
 * HttpServletResponse} (no servlet container is on the test class path). Each path has its filter:
 * the filter decides; the "servlet" behind it only reports the principal it was given.
 */
final class SampleProtectedApi implements AutoCloseable {

    private final HttpServer server;

    SampleProtectedApi(LatchkeyVerifier verifier, LatchkeyVerifier cachingVerifier) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        protect("/reports", new LatchkeyServletFilter(verifier, "read"));
        protect("/orders", new LatchkeyServletFilter(verifier, "write"));
        protect("/cached/reports", new LatchkeyServletFilter(cachingVerifier, "read"));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void protect(String path, LatchkeyServletFilter filter) {
        FilterChain application = (request, response) -> {
            HttpServletRequest caller = (HttpServletRequest) request;
            String json = "{\"principal\": \"" + caller.getUserPrincipal().getName() + "\", \"auth_type\": \""
                    + caller.getAuthType() + "\", \"read\": " + caller.isUserInRole("read") + ", \"write\": "
                    + caller.isUserInRole("write") + ", \"admin\": " + caller.isUserInRole("admin") + "}";
            HttpServletResponse out = (HttpServletResponse) response;
            out.setStatus(200);
            out.setContentType("application/json");
            out.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        };
        server.createContext(path, exchange -> {
            try (exchange) {
                Map<String, String> headers = new HashMap<>();
                int[] status = {200};
                filter.doFilter(request(exchange), response(exchange, headers, status), application);
                // The adapter sends what the filter or the application set, once they are done.
                byte[] body = ((Buffered) exchange.getAttribute("body")).bytes();
                headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(status[0], body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
    }

    private static HttpServletRequest request(HttpExchange exchange) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(SampleProtectedApi.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> exchange.getRequestHeaders().getFirst((String) args[0]);
                    case "getRemoteAddr" -> exchange.getRemoteAddress().getAddress().getHostAddress();
                    case "getMethod" -> exchange.getRequestMethod();
                    case "getRequestURI" -> exchange.getRequestURI().getPath();
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getAuthType", "getUserPrincipal", "getRemoteUser" -> null;
                    case "isUserInRole" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpServletResponse response(HttpExchange exchange, Map<String, String> headers, int[] status) {
        Buffered body = new Buffered();
        exchange.setAttribute("body", body);
        return (HttpServletResponse) Proxy.newProxyInstance(SampleProtectedApi.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status[0] = (int) args[0];
                        yield null;
                    }
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "setContentLength" -> null;
                    case "getOutputStream" -> body;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class Buffered extends ServletOutputStream {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
