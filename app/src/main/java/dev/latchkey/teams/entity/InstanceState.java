package dev.latchkey.teams.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The single row saying this database has been bootstrapped. Its fixed primary key makes
 * bootstrap happen once even when several instances start together on one database.
 */
@Entity
@Table(name = "instance_state")
public class InstanceState {

    public static final int THE_ROW = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Convert(converter = EpochMillis.class)
    @Column(name = "bootstrapped_at")
    private Instant bootstrappedAt;

    protected InstanceState() {
    }

    public InstanceState(Instant bootstrappedAt) {
        this.id = THE_ROW;
        this.bootstrappedAt = bootstrappedAt;
    }
}
