package dev.latchkey.sites.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /v1/sites}. */
public record CreateSiteRequest(@NotBlank @Size(max = 200) String name) {
}
