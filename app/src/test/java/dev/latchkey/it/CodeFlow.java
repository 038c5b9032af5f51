package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A member's OAuth access token got the way a browser gets one: sign in, allow, exchange the code (PKCE). */
final class CodeFlow {

    private CodeFlow() {
    }

    static String memberAccessToken(Api api, String clientId, String redirect, String email, String password,
                                    String scope) {
        return (String) memberTokens(api, clientId, redirect, email, password, scope).get("access_token");
    }

    /** The whole token response of a code flow (with a refresh token when {@code scope} has offline_access). */
    static Map<String, Object> memberTokens(Api api, String clientId, String redirect, String email, String password,
                                            String scope) {
        String verifier = OAuthCodeFlowIT.CodeVerifierText.next();
        Map<String, String> parameters = new HashMap<>(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", redirect, "scope", scope, "state", "s", "code_challenge", OAuthCodeFlowIT.challenge(verifier),
                "code_challenge_method", "S256"));
        Browser browser = new Browser(api);
        Response page = browser.authorize(parameters);
        Response posted = browser.post(page, Map.of("email", email, "password", password, "decision", "allow"));
        assertEquals(302, posted.statusCode(), posted.asString());
        String code = null;
        for (String pair : posted.header("Location").substring(posted.header("Location").indexOf('?') + 1).split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return api.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", clientId).formParam("code", code).formParam("redirect_uri", redirect)
                .formParam("code_verifier", verifier).post("/oauth/token").then().statusCode(200).extract()
                .jsonPath().getMap("");
    }
}
