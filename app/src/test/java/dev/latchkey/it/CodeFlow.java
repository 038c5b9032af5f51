package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A member's OAuth access token got the way a browser gets one: sign in, allow, exchange the code (PKCE). */
final class CodeFlow {

    private static final Pattern REQUEST_FIELD = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

    private CodeFlow() {
    }

    static String memberAccessToken(Api api, String clientId, String redirect, String email, String password,
                                    String scope) {
        String verifier = OAuthCodeFlowIT.CodeVerifierText.next();
        Map<String, String> parameters = new HashMap<>(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", redirect, "scope", scope, "state", "s", "code_challenge", OAuthCodeFlowIT.challenge(verifier),
                "code_challenge_method", "S256"));
        Response page = api.anonymous().redirects().follow(false).queryParams(parameters).get("/oauth/authorize");
        Matcher field = REQUEST_FIELD.matcher(page.asString());
        assertTrue(field.find(), page.asString());
        Response posted = api.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("request", field.group(1).replace("&amp;", "&")).formParam("email", email)
                .formParam("password", password).formParam("decision", "allow").post("/oauth/authorize");
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
                .path("access_token");
    }
}
