package dev.latchkey.scopes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** That a credential holds a scope. */
@Entity
@Table(name = "credential_scopes")
@IdClass(CredentialScope.Key.class)
public class CredentialScope {

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public String credentialId;
        public String scopeId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.credentialId, credentialId)
                    && Objects.equals(key.scopeId, scopeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(credentialId, scopeId);
        }
    }

    @Id
    @Column(name = "credential_id")
    private String credentialId;

    @Id
    @Column(name = "scope_id")
    private String scopeId;

    protected CredentialScope() {
    }

    public CredentialScope(String credentialId, String scopeId) {
        this.credentialId = credentialId;
        this.scopeId = scopeId;
    }

    public String credentialId() {
        return credentialId;
    }

    public String scopeId() {
        return scopeId;
    }
}
