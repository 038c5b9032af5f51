package dev.latchkey.oauth.control;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One of Latchkey's access tokens after {@link AccessTokenVerifier} accepted it, as MicroProfile
 * JWT's {@link JsonWebToken}: the type the rest of the application reads tokens through. The
 * claims are nimbus's; as MP JWT asks, {@code exp}, {@code iat} and {@code nbf} read as
 * {@code Long} seconds, {@code aud} and {@code groups} as sets of strings, and {@code raw_token}
 * as the compact serialization.
 */
public final class VerifiedAccessToken implements JsonWebToken {

    private final String raw;
    private final JWTClaimsSet claims;

    VerifiedAccessToken(String raw, JWTClaimsSet claims) {
        this.raw = raw;
        this.claims = claims;
    }

    /** MP JWT's principal name: {@code upn}, else {@code preferred_username}, else {@code sub}. */
    @Override
    public String getName() {
        for (String claim : List.of(Claims.upn.name(), Claims.preferred_username.name())) {
            if (claims.getClaim(claim) instanceof String name) {
                return name;
            }
        }
        return claims.getSubject();
    }

    @Override
    public String getRawToken() {
        return raw;
    }

    @Override
    public String getIssuer() {
        return claims.getIssuer();
    }

    @Override
    public Set<String> getAudience() {
        List<String> audience = claims.getAudience();
        return audience == null || audience.isEmpty() ? null : Set.copyOf(audience);
    }

    @Override
    public String getSubject() {
        return claims.getSubject();
    }

    @Override
    public String getTokenID() {
        return claims.getJWTID();
    }

    @Override
    public long getExpirationTime() {
        return seconds(claims.getExpirationTime());
    }

    @Override
    public long getIssuedAtTime() {
        return seconds(claims.getIssueTime());
    }

    @Override
    public Set<String> getGroups() {
        return claims.getClaim(Claims.groups.name()) instanceof List<?> groups
                ? Set.copyOf(groups.stream().map(String::valueOf).toList()) : Set.of();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    public boolean containsClaim(String name) {
        return Claims.raw_token.name().equals(name) || claims.getClaims().containsKey(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        Object value = switch (name) {
            case "raw_token" -> raw;
            case "exp", "iat", "nbf", "auth_time" -> claims.getClaim(name) instanceof Date date
                    ? seconds(date) : claims.getClaim(name);
            case "aud" -> getAudience();
            case "groups" -> claims.getClaim(name) == null ? null : getGroups();
            default -> claims.getClaim(name);
        };
        return (T) value;
    }

    private static long seconds(Date date) {
        return date == null ? 0 : date.getTime() / 1000;
    }

    /** The token's id only: the token itself is a credential. */
    @Override
    public String toString() {
        return "VerifiedAccessToken[" + claims.getJWTID() + "]";
    }
}
