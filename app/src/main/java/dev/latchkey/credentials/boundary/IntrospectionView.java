package dev.latchkey.credentials.boundary;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * RFC 7662 §2.2: {@code active}, and for an active token who it is. An inactive token gets
 * {@code {"active": false}} and nothing else — never why.
 */
@JsonbNillable(false)
public record IntrospectionView(boolean active, String tokenType, String sub, String teamId, String siteId,
                                String environment, List<String> permissions, String scope, List<String> scopes,
                                Long exp) {

    public static final IntrospectionView INACTIVE =
            new IntrospectionView(false, null, null, null, null, null, null, null, null, null);

    public static IntrospectionView of(Caller token) {
        return new IntrospectionView(true, token.kind().wireName(),
                token.member() != null ? token.member().id() : token.credentialId(),
                token.teamId(), token.site() == null ? null : token.site().id(),
                token.environment().map(Environment::wireName).orElse(null),
                token.permissions().stream().sorted().map(Permission::wireName).toList(),
                String.join(" ", token.scopes()), token.scopes(),
                token.expiresAt() == null ? null : token.expiresAt().getEpochSecond());
    }
}
