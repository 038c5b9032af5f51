package dev.latchkey.sites.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v1/sites}. */
@Schema(example = "{\"name\": \"Acme Shop\"}")
public record CreateSiteRequest(@NotBlank @Size(max = 200) String name) {
}
