package dev.latchkey.credentials.entity;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * The JPA listener on every entity whose update or removal can alter what a credential may
 * do (credentials, members, sites, teams, OAuth clients and issued tokens): it fires
 * {@link CredentialsChanged}, which {@code credentials.control.CredentialChanges} observes
 * (synchronously, in the same transaction) to record the change. Inserts need nothing: a new
 * row cannot make a cached verification wrong. Bulk JPQL updates bypass listeners; their
 * callers record the change.
 */
public class ChangesCredentials {

    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        CDI.current().getBeanManager().getEvent().select(CredentialsChanged.class).fire(new CredentialsChanged());
    }
}
