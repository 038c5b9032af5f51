package dev.latchkey.oauth.entity;

import dev.latchkey.database.entity.EpochMillis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sign-in or consent form already posted, by the hash of its one-time id, until it would have expired. */
@Entity
@Table(name = "authorize_forms_used")
public class UsedForm {

    @Id
    @Column(name = "form_hash")
    private String formHash;

    @Convert(converter = EpochMillis.class)
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected UsedForm() {
    }

    public UsedForm(String formHash, Instant expiresAt) {
        this.formHash = formHash;
        this.expiresAt = expiresAt;
    }
}
