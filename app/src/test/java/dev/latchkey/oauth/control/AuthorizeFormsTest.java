package dev.latchkey.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.http.control.PublicUrl;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizeFormsTest {

    private static AuthorizeForms forms(String publicUrl) {
        AuthorizeForms forms = new AuthorizeForms();
        forms.publicUrl = new PublicUrl(publicUrl);
        return forms;
    }

    @Test
    void onlyLatchkeysOwnOriginMayPostTheForm() {
        AuthorizeForms forms = forms("https://auth.example.com");
        URI behindProxy = URI.create("http://10.0.0.5:8080/");
        assertTrue(forms.fromOwnOrigin("https://auth.example.com", null, behindProxy));
        assertTrue(forms.fromOwnOrigin("HTTPS://Auth.Example.com:443", null, behindProxy));
        assertTrue(forms.fromOwnOrigin(null, "https://auth.example.com/oauth/authorize?x=1", behindProxy));
        assertFalse(forms.fromOwnOrigin("https://evil.example", null, behindProxy));
        assertFalse(forms.fromOwnOrigin("https://evil.example", "https://auth.example.com/", behindProxy),
                "Origin, when sent, is what counts");
        assertFalse(forms.fromOwnOrigin(null, "https://auth.example.com.evil.example/", behindProxy));
        assertFalse(forms.fromOwnOrigin("null", null, behindProxy));
        assertFalse(forms.fromOwnOrigin("http://10.0.0.5:8080", null, behindProxy),
                "the address a proxy reaches is not an origin a browser posts from");
        assertTrue(forms.fromOwnOrigin(null, null, behindProxy), "not a browser's form post: left to the other checks");
    }

    @Test
    void onPlainHttpLoopbackTheOriginTheRequestWasSentToIsOwn() {
        AuthorizeForms forms = forms("http://127.0.0.1:8080");
        assertTrue(forms.fromOwnOrigin("http://127.0.0.1:41234", null, URI.create("http://127.0.0.1:41234/")));
        assertFalse(forms.fromOwnOrigin("http://127.0.0.1:9999", null, URI.create("http://127.0.0.1:41234/")));
    }

    @Test
    void aFormIsBoundToItsBrowsersPreSessionAndAnotherBrowserIsRefused() {
        AuthorizeForms forms = forms("https://auth.example.com");
        var first = forms.show(Optional.empty(), null);
        var second = forms.show(Optional.of(first.cookie()), "ses_1");
        assertEquals(first.cookie(), second.cookie(), "one pre-session per browser: two tabs both work");
        assertNotEquals(first.binding().formId(), second.binding().formId());
        assertEquals("ses_1", second.binding().sessionId());
        assertThrows(AuthorizationError.class, () -> forms.accept(first.binding(), Optional.empty()));
        assertThrows(AuthorizationError.class,
                () -> forms.accept(first.binding(), Optional.of(forms.show(Optional.empty(), null).cookie())));
    }
}
