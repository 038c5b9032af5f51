package dev.latchkey.tokens.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/sites/{site}/tokens}. */
public record CreateApiTokenRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull String type,
        @NotNull String environment,
        List<String> permissions,
        List<String> scopes,
        String expiresAt,
        @Size(max = 50) List<String> allowedIps,
        Map<String, Object> rateLimit) {
}
