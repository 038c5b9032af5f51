package dev.latchkey.sites.boundary;

import dev.latchkey.sites.entity.Site;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A site as shown. */
@Schema(example = "{\"id\": \"site_3kTMd9aL2xQ8pR7v\", \"name\": \"Acme Shop\", \"created_at\": \"2026-01-15T09:30:00Z\"}")
public record SiteView(String id, String name, Instant createdAt) {

    public static SiteView of(Site site) {
        return new SiteView(site.id(), site.name(), site.createdAt());
    }
}
