package dev.latchkey.scopes.entity;

import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A named set of {@code Type.field} or {@code Type.*} entries of one site's schema. */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "scopes")
public class Scope {

    public static final String ID_PREFIX = "scope_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "site_id")
    private String siteId;

    @Column(name = "name")
    private String name;

    @Column(name = "entries")
    private String entries;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Scope() {
    }

    public Scope(String siteId, String name, List<String> entries, Instant now) {
        this.id = Ids.next(ID_PREFIX);
        this.siteId = siteId;
        this.name = name;
        this.entries = String.join("\n", entries);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void change(String newName, List<String> newEntries, Instant now) {
        this.name = newName;
        this.entries = String.join("\n", newEntries);
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String siteId() {
        return siteId;
    }

    public String name() {
        return name;
    }

    public List<String> entries() {
        return entries.isEmpty() ? List.of() : List.of(entries.split("\n"));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
