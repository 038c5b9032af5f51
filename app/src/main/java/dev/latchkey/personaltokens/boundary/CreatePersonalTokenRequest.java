package dev.latchkey.personaltokens.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/personal-tokens}: a name, a mandatory lifetime, optionally fewer permissions. */
@Schema(example = "{\"name\": \"laptop CLI\", \"expires_in_days\": 90, \"permissions\": [\"read\"]}")
public record CreatePersonalTokenRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(366) Integer expiresInDays,
        List<String> permissions) {
}
