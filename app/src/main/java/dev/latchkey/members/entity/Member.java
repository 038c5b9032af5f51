package dev.latchkey.members.entity;

import dev.latchkey.credentials.entity.Role;
import dev.latchkey.database.entity.EpochMillis;
import dev.latchkey.identifiers.entity.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person in a team, with a role. */
@Entity
@jakarta.persistence.EntityListeners(dev.latchkey.credentials.entity.ChangesCredentials.class)
@Table(name = "members")
public class Member {

    public static final String ID_PREFIX = "mem_";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "email")
    private String email;

    @Column(name = "name")
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Role role;

    @Column(name = "instance_admin")
    private boolean instanceAdmin;

    /** A bcrypt hash, or null when the member has no password (it then cannot sign in). */
    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_by")
    private String createdBy;

    @Convert(converter = EpochMillis.class)
    @Column(name = "created_at")
    private Instant createdAt;

    protected Member() {
    }

    public Member(String teamId, String email, String name, Role role, String createdBy, Instant createdAt) {
        this.id = Ids.next(ID_PREFIX);
        this.teamId = teamId;
        this.email = email;
        this.name = name;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Member asInstanceAdmin() {
        this.instanceAdmin = true;
        return this;
    }

    public void passwordHash(String hash) {
        this.passwordHash = hash;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public boolean instanceAdmin() {
        return instanceAdmin;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
