package dev.latchkey.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JAX-RS filter's admitting path. (Its refusals build a {@code Response}, which needs a JAX-RS
 * runtime: their content is {@link LatchkeyGate}'s, tested in {@link LatchkeyGateTest}.)
 */
class LatchkeyFilterTest {

    private final FakeVerifyEndpoint latchkey = new FakeVerifyEndpoint();

    @AfterEach
    void stop() {
        latchkey.close();
    }

    @Test
    void anAdmittedRequestGetsTheKeyAsSecurityContextPrincipalWithItsPermissionsAsRoles() {
        LatchkeyFilter filter = new LatchkeyFilter(LatchkeyVerifier.builder().baseUrl(latchkey.baseUrl())
                .verifierKey("vk_test_verifier").build(), "read") {
            @Override
            protected String clientIp(ContainerRequestContext request) {
                return "192.0.2.1";
            }
        };
        AtomicReference<SecurityContext> security = new AtomicReference<>();
        Map<String, Object> properties = new HashMap<>();
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> "Authorization".equals(args[0]) ? "Bearer rk_test_k" : null;
                    case "setSecurityContext" -> {
                        security.set((SecurityContext) args[0]);
                        yield null;
                    }
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    case "getSecurityContext" -> null;
                    case "abortWith" -> throw new AssertionError("refused");
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        filter.filter(request);

        assertEquals("cust_42", security.get().getUserPrincipal().getName());
        assertTrue(security.get().isUserInRole("read"));
        assertFalse(security.get().isUserInRole("write"));
        assertEquals("Bearer", security.get().getAuthenticationScheme());
        assertEquals("tok_1", ((Verification) properties.get(LatchkeyGate.VERIFICATION)).keyId());
        assertEquals(Map.of("key", "rk_test_k", "permissions", List.of("read"), "client_ip", "192.0.2.1"),
                Json.parse(latchkey.received.get(0).body()));
        assertNull(((LatchkeyPrincipal) security.get().getUserPrincipal()).verification().expiresAt());
    }
}
