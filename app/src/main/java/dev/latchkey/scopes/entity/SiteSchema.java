package dev.latchkey.scopes.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A site's schema, stored as its JSON definition. */
@Entity
@Table(name = "site_schemas")
public class SiteSchema {

    @Id
    @Column(name = "site_id")
    private String siteId;

    @Column(name = "definition")
    private String definition;

    @Convert(converter = EpochMillis.class)
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SiteSchema() {
    }

    public SiteSchema(String siteId, String definition, Instant now) {
        this.siteId = siteId;
        this.definition = definition;
        this.updatedAt = now;
    }

    public void replace(String newDefinition, Instant now) {
        this.definition = newDefinition;
        this.updatedAt = now;
    }

    public String definition() {
        return definition;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
