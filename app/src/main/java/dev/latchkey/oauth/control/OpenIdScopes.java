package dev.latchkey.oauth.control;

import java.util.List;

/**
 * The OpenID Connect scopes (OIDC Core §3.1.2.1, §5.4): {@code openid} asks for an ID token,
 * {@code profile} adds the member's name, {@code email} their email. They grant no access to
 * site data, so every client using the code flow may ask for them without registering them.
 */
public final class OpenIdScopes {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final List<String> ALL = List.of(OPENID, PROFILE, EMAIL);

    private OpenIdScopes() {
    }

    public static boolean isOpenId(String scope) {
        return ALL.contains(scope);
    }

    /** Whether an OpenID Connect sign-in was asked for. */
    public static boolean signIn(List<String> scopes) {
        return scopes.contains(OPENID);
    }
}
