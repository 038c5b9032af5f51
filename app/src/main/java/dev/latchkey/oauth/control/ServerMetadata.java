package dev.latchkey.oauth.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server says about itself: RFC 8414 metadata, and the same with OpenID Connect
 * Discovery 1.0's additions. One place, so the two documents cannot disagree.
 */
public final class ServerMetadata {

    private ServerMetadata() {
    }

    /** RFC 8414 authorization server metadata. */
    public static Map<String, Object> oauth(String issuer) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/oauth/authorize");
        metadata.put("token_endpoint", issuer + "/oauth/token");
        metadata.put("jwks_uri", issuer + "/oauth/jwks");
        metadata.put("revocation_endpoint", issuer + "/oauth/revoke");
        metadata.put("introspection_endpoint", issuer + "/oauth/introspect");
        metadata.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        // "none": public clients, at the token endpoint and (to sign out) the revocation endpoint;
        // introspection is for confidential clients only. The algorithms are exactly those verified.
        List<String> withNone = new ArrayList<>(ClientAuthentication.METHODS);
        withNone.add("none");
        metadata.put("token_endpoint_auth_methods_supported", withNone);
        metadata.put("token_endpoint_auth_signing_alg_values_supported", ClientJwts.ALGORITHMS);
        metadata.put("revocation_endpoint_auth_methods_supported", withNone);
        metadata.put("revocation_endpoint_auth_signing_alg_values_supported", ClientJwts.ALGORITHMS);
        metadata.put("introspection_endpoint_auth_methods_supported", ClientAuthentication.METHODS);
        metadata.put("introspection_endpoint_auth_signing_alg_values_supported", ClientJwts.ALGORITHMS);
        metadata.put("scopes_supported", OAuthScopes.SUPPORTED);
        // RFC 9207: the authorization response carries iss (against mix-up attacks).
        metadata.put("authorization_response_iss_parameter_supported", true);
            return metadata;
    }

    /**
     * OpenID Connect Discovery 1.0 §3: the OAuth metadata plus the UserInfo and end-session
     * endpoints, ID token signing, subjects and claims; request objects are not supported, which
     * must be said explicitly ({@code request_uri_parameter_supported} defaults to true).
     */
    public static Map<String, Object> openId(String issuer) {
        Map<String, Object> metadata = oauth(issuer);
        metadata.put("userinfo_endpoint", issuer + "/oauth/userinfo");
        metadata.put("end_session_endpoint", issuer + "/oauth/logout");
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("ES256"));
        metadata.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash",
                "name", "email", "email_verified"));
        metadata.put("prompt_values_supported", List.of("none", "login", "consent"));
        metadata.put("claims_parameter_supported", false);
        metadata.put("request_parameter_supported", false);
        metadata.put("request_uri_parameter_supported", false);
        return metadata;
    }
}
