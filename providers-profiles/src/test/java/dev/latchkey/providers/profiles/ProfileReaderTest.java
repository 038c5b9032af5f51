package dev.latchkey.providers.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.providers.ClientAuthentication;
import dev.latchkey.providers.OAuthProfile;
import dev.latchkey.providers.RefreshRotation;
import dev.latchkey.providers.ScopeInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileReaderTest {

    /** A complete profile; {@code %s} is where a test adds or replaces members. */
    static final String FULL = """
            {
              "id": "tinyco",
              "display_name": "TinyCo",
              "authorization_url": "https://tiny.example/oauth/authorize",
              "token_url": "https://tiny.example/oauth/token",
              "revocation_url": "https://tiny.example/oauth/revoke",
              "client_authentication": "basic",
              "scope_separator": ",",
              "pkce": true,
              "refresh_tokens": "rotates",
              "account": {"url": "https://api.tiny.example/me", "id": "/data/id", "name": "/data/login"},
              "scopes": [{"name": "read", "description": "Read things."}, {"name": "write", "description": "Change things."}],
              "default_scopes": ["read"],
              "authorization_params": {"prompt": "consent"},
              "sources": ["https://tiny.example/docs/oauth"],
              "notes": "A test profile."
            }""";

    static final String MINIMAL = """
            {"id": "mini", "display_name": "Mini", "authorization_url": "https://m.example/a",
             "token_url": "https://m.example/t", "refresh_tokens": "none",
             "account": {"url": "https://m.example/me", "id": "/id"},
             "scopes": [{"name": "all", "description": "Everything."}]%s}""";

    @Test
    void readsEveryFieldIntoTheProfile() {
        ProfileFile file = ProfileReader.read("tinyco.json", FULL);
        OAuthProfile p = file.profile();
        assertEquals("tinyco", p.id());
        assertEquals("TinyCo", p.displayName());
        assertEquals("https://tiny.example/oauth/authorize", p.authorizationUrl());
        assertEquals("https://tiny.example/oauth/token", p.tokenUrl());
        assertEquals("https://tiny.example/oauth/revoke", p.revocationUrl());
        assertEquals(ClientAuthentication.BASIC, p.clientAuthentication());
        assertEquals(",", p.scopeSeparator());
        assertTrue(p.pkce());
        assertEquals(RefreshRotation.ROTATES, p.refreshRotation());
        assertEquals("https://api.tiny.example/me", p.accountUrl());
        assertEquals("/data/id", p.accountId());
        assertEquals("/data/login", p.accountName());
        assertEquals(List.of(new ScopeInfo("read", "Read things."), new ScopeInfo("write", "Change things.")), p.scopes());
        assertEquals(List.of("read"), p.defaultScopes());
        assertEquals(Map.of("prompt", "consent"), p.authorizationParameters());
        assertEquals(List.of("https://tiny.example/docs/oauth"), file.sources());
        assertEquals("A test profile.", file.notes());
        assertEquals("tinyco.json", file.origin());
    }

    @Test
    void optionalFieldsTakeTheStandardDefaults() {
        OAuthProfile p = ProfileReader.read("mini.json", MINIMAL.formatted("")).profile();
        assertEquals(ClientAuthentication.POST, p.clientAuthentication());
        assertEquals(" ", p.scopeSeparator());
        assertEquals(false, p.pkce());
        assertEquals(RefreshRotation.NO_REFRESH, p.refreshRotation());
        assertNull(p.revocationUrl());
        assertEquals("https://m.example/me", p.accountUrl());
        assertNull(p.accountName());
        assertEquals(List.of(), p.defaultScopes());
        assertEquals(false, p.capabilities().refresh());
        assertEquals(false, p.capabilities().revoke());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            ", \"scope_seperator\": \",\"                  | mini.json: unknown field \"scope_seperator\" (known: account, authorization_params,",
            ", \"pkce\": \"yes\"                           | mini.json: field \"pkce\" must be true or false",
            ", \"client_authentication\": \"header\"       | mini.json: field \"client_authentication\" must be \"basic\" or \"post\", not \"header\"",
            ", \"revocation_url\": \"ftp://m.example/r\"   | mini.json: field \"revocation_url\" must be an http(s) URL, not \"ftp://m.example/r\"",
            ", \"default_scopes\": [\"admin\"]             | mini.json: field \"default_scopes\" names \"admin\", which is not in scopes",
            ", \"authorization_params\": {\"state\": \"x\"} | mini.json: field \"authorization_params.state\" is set by Latchkey itself",
            ", \"authorization_params\": {\"n\": 1}        | mini.json: field \"authorization_params.n\" must be a string",
            ", \"sources\": \"https://m.example\"          | mini.json: field \"sources\" must be a JSON array",
            ", \"notes\": 3                                | mini.json: field \"notes\" must be a string"})
    void refusesAProfileNamingTheFileAndTheField(String extra, String message) {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileReader.read("mini.json", MINIMAL.formatted(extra.strip())));
        assertTrue(e.getMessage().startsWith(message.strip()), e.getMessage());
    }

    @Test
    void refusesAnUnknownRefreshBehaviourAndABadIdAndScopes() {
        assertMessage("mini.json: field \"refresh_tokens\" must be \"none\", \"keeps\", \"may_rotate\" or \"rotates\", not \"sometimes\"",
                MINIMAL.formatted("").replace("\"none\"", "\"sometimes\""));
        assertMessage("mini.json: field \"id\" must be 1 to 32 lower-case letters and digits, starting with a letter, not \"Mini\"",
                MINIMAL.formatted("").replace("\"mini\"", "\"Mini\""));
        assertMessage("mini.json: field \"scopes[1].name\" \"all\" is listed twice",
                MINIMAL.formatted("").replace("\"Everything.\"}]", "\"Everything.\"}, {\"name\": \"all\", \"description\": \"x\"}]"));
        assertMessage("mini.json: unknown field \"scopes[0].label\" (known: description, name)",
                MINIMAL.formatted("").replace("\"description\": \"Everything.\"", "\"label\": \"Everything.\""));
        String account = "\"account\": {\"url\": \"https://m.example/me\", \"id\": \"/id\"},";
        assertMessage("mini.json: unknown field \"account.idd\" (known: id, name, url)",
                MINIMAL.formatted("").replace("\"id\": \"/id\"}", "\"idd\": \"/id\"}"));
        assertMessage("mini.json: field \"account.id\" is required",
                MINIMAL.formatted("").replace(", \"id\": \"/id\"}", "}"));
        assertMessage("mini.json: field \"account.id\" must be a JSON pointer such as \"/id\" or \"/data/id\", not \"id\"",
                MINIMAL.formatted("").replace("\"id\": \"/id\"}", "\"id\": \"id\"}"));
        assertMessage("mini.json: field \"account\" is required: Latchkey reads whom the tokens act for when connecting",
                MINIMAL.formatted("").replace(account, ""));
        assertMessage("mini.json: field \"token_url\" is required",
                MINIMAL.formatted("").replace("\"token_url\": \"https://m.example/t\",", ""));
    }

    @Test
    void invalidJsonNamesTheFileLineAndColumn() {
        assertMessage("mini.json: not valid JSON: line 4, column 60: a member name (a string in double quotes) was expected",
                MINIMAL.formatted(","));
        assertMessage("x.json: the file must be a JSON object", "[]", "x.json");
    }

    private static void assertMessage(String expected, String text) {
        assertMessage(expected, text, "mini.json");
    }

    private static void assertMessage(String expected, String text, String origin) {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileReader.read(origin, text));
        assertEquals(expected, e.getMessage());
    }
}
