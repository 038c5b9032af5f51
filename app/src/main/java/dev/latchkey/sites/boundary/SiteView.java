package dev.latchkey.sites.boundary;

import dev.latchkey.sites.entity.Site;
import java.time.Instant;

/** A site as shown. */
public record SiteView(String id, String name, Instant createdAt) {

    public static SiteView of(Site site) {
        return new SiteView(site.id(), site.name(), site.createdAt());
    }
}
