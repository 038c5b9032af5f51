package dev.latchkey.data.entity;

import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.EnvironmentColumn;
import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A JSON document of one type, in one site and environment, under a caller-chosen id. */
@Entity
@Table(name = "documents")
public class Document {

    @Id
    @Column(name = "row_id")
    private String rowId;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "site_id")
    private String siteId;

    @Column(name = "environment")
    @Convert(converter = EnvironmentColumn.class)
    private Environment environment;

    @Column(name = "type")
    private String type;

    /** The caller's id for the document, unique within site, environment and type. */
    @Column(name = "doc_id")
    private String id;

    @Column(name = "body")
    private String body;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    @Convert(converter = EpochMillis.class)
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Document() {
    }

    public Document(String siteId, Environment environment, String type, String id, String body, Instant now) {
        this.rowId = Ids.next("doc_");
        this.siteId = siteId;
        this.environment = environment;
        this.type = type;
        this.id = id;
        this.body = body;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void replace(String newBody, Instant now) {
        this.body = newBody;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public Environment environment() {
        return environment;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
