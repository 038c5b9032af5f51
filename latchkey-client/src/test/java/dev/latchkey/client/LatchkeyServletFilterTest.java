package dev.latchkey.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatchkeyServletFilterTest {

    private final FakeVerifyEndpoint latchkey = new FakeVerifyEndpoint();
    private final LatchkeyServletFilter filter = new LatchkeyServletFilter(LatchkeyVerifier.builder()
            .baseUrl(latchkey.baseUrl()).verifierKey("vk_test_verifier").build(), "read");
    private final Map<String, String> responseHeaders = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;

    @AfterEach
    void stop() {
        latchkey.close();
    }

    @Test
    void anAdmittedRequestCarriesTheKeyAsPrincipalAndItsPermissionsAsRoles() throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request(Map.of("X-API-Key", "rk_test_k")), response(), (req, res) -> seen.set((HttpServletRequest) req));

        assertEquals("cust_42", seen.get().getUserPrincipal().getName());
        assertTrue(seen.get().isUserInRole("read"));
        assertFalse(seen.get().isUserInRole("write"));
        assertEquals(Map.of("key", "rk_test_k", "permissions", List.of("read"), "client_ip", "192.0.2.9"),
                Json.parse(latchkey.received.get(0).body()));
    }

    @Test
    void aRefusedRequestGetsLatchkeysErrorShapeAndNeverReachesTheApplication() throws Exception {
        latchkey.answer = b -> FakeVerifyEndpoint.refused("RATE_LIMITED");
        AtomicReference<Object> seen = new AtomicReference<>();
        filter.doFilter(request(Map.of("Authorization", "Bearer rk_test_k", "X-Request-Id", "r-1")), response(),
                (req, res) -> seen.set(req));

        assertNull(seen.get());
        assertEquals(429, status);
        assertEquals("37", responseHeaders.get("Retry-After"));
        assertEquals("r-1", responseHeaders.get("X-Request-Id"));
        assertEquals(Map.of("error", "rate_limited", "message", "Too many requests with this API key",
                "request_id", "r-1"), Json.parse(body.toString(StandardCharsets.UTF_8)));
    }

    private HttpServletRequest request(Map<String, String> headers) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getRemoteAddr" -> "192.0.2.9";
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status = (int) args[0];
                        yield null;
                    }
                    case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                    case "getOutputStream" -> out;
                    default -> null;
                });
    }
}
