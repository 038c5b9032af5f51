package dev.latchkey.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTest {

    private static final AuthorizationRequest REQUEST = new AuthorizationRequest("client_1", "https://app.example/cb",
            List.of("read"), "st", null);

    @Test
    void valuesAreReadAsOpenIdConnectDefinesThem() {
        assertEquals(new Prompt(false, false, false), Prompt.parse(null, REQUEST));
        assertEquals(new Prompt(true, false, false), Prompt.parse("none", REQUEST));
        assertEquals(new Prompt(false, true, true), Prompt.parse("login  consent", REQUEST));
        assertEquals(new Prompt(false, false, false), Prompt.parse("select_account", REQUEST));
    }

    @Test
    void noneWithOthersOrAnUnknownValueGoesBackAsInvalidRequest() {
        AuthorizationError mixed = assertThrows(AuthorizationError.class, () -> Prompt.parse("none login", REQUEST));
        assertEquals("invalid_request", mixed.error());
        assertEquals("st", mixed.state());
        assertEquals("invalid_request", assertThrows(AuthorizationError.class,
                () -> Prompt.parse("sometimes", REQUEST)).error());
    }
}
