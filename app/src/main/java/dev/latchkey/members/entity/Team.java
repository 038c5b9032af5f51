package dev.latchkey.members.entity;

import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The tenant: everything else belongs to exactly one team. */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "teams")
public class Team {

    public static final String ID_PREFIX = "team_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "name")
    private String name;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    protected Team() {
    }

    public Team(String name, Instant createdAt) {
        this.id = Ids.next(ID_PREFIX);
        this.name = name;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
