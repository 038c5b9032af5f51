package dev.latchkey.sites.entity;

import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A unit inside a team (an app, a deployment) that keys, scopes and connections belong to. */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "sites")
public class Site {

    public static final String ID_PREFIX = "site_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "name")
    private String name;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    protected Site() {
    }

    public Site(String teamId, String name, Instant createdAt) {
        this.id = Ids.next(ID_PREFIX);
        this.teamId = teamId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
