package dev.latchkey.verification.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/keys/verify}. */
@Schema(example = "{\"key\": \"rk_live_…\", \"permissions\": [\"write\"], \"scopes\": [\"scope_4hT8kQ1wZr2mXv9B\"], \"cost\": 1, \"client_ip\": \"203.0.113.7\"}",
        description = "permissions the key must hold (read, write, delete, admin); scopes (ids) it must hold, a key "
                + "created without scopes holding all; cost: requests this use counts against the key's rate limit "
                + "(default 1); client_ip: the address of your API's client, checked against the key's allowed_ips")
public record VerifyKeyRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The API key presented to your API") String key,
        @Size(max = 10) List<String> permissions,
        @Size(max = 100) List<String> scopes,
        @Min(1) @Max(1_000_000) Integer cost,
        @Size(max = 64) String clientIp) {
}
