package dev.latchkey.oauth.control;

import dev.latchkey.members.entity.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an ID token and the UserInfo endpoint say about a member, by scope (OIDC Core §5.4):
 * always {@code sub}; {@code profile} adds {@code name}; {@code email} adds {@code email} and
 * {@code email_verified}, which is false: Latchkey takes members' addresses from whoever added
 * them and never proves them.
 */
public final class MemberClaims {

    private MemberClaims() {
    }

    public static Map<String, Object> of(Member member, List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", member.id());
        if (scopes.contains(OpenIdScopes.PROFILE)) {
            claims.put("name", member.name());
        }
        if (scopes.contains(OpenIdScopes.EMAIL)) {
            claims.put("email", member.email());
            claims.put("email_verified", false);
        }
        return claims;
    }
}
