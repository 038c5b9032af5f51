package dev.latchkey.apidocs.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.access.control.Route;
import dev.latchkey.sites.boundary.CreateSiteRequest;
import dev.latchkey.sites.boundary.SiteView;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class JavaSignaturesTest {

    @Test
    void findsTheResourceMethodsAndTheItemTypeOfAPage() {
        JavaSignatures signatures = JavaSignatures.ofApplication();
        Method list = signatures.method(Route.parse("GET /v1/sites")).orElseThrow();
        assertEquals(SiteView.class, JavaSignatures.pageItem(list).orElseThrow());
        Method create = signatures.method(Route.parse("POST /v1/sites")).orElseThrow();
        assertEquals(CreateSiteRequest.class, JavaSignatures.bodyRecord(create).orElseThrow());
        assertTrue(JavaSignatures.pageItem(create).isEmpty());
    }
}
