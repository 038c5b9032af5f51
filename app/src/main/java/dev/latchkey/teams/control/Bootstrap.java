package dev.latchkey.teams.control;

import dev.latchkey.audit.control.Actor;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.teams.entity.InstanceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On an empty database, creates the first team and its owner, the instance admin, with a
 * first personal access token. Settings: {@code latchkey.bootstrap.team-name},
 * {@code latchkey.bootstrap.owner-email}, {@code latchkey.bootstrap.owner-name},
 * {@code latchkey.bootstrap.token-days}.
 */
@ApplicationScoped
public class Bootstrap {

    @PersistenceContext
    EntityManager em;

    @Inject
    Teams teams;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "latchkey.bootstrap.team-name", defaultValue = "Default")
    String teamName;

    @Inject
    @ConfigProperty(name = "latchkey.bootstrap.owner-email", defaultValue = "admin@localhost")
    String ownerEmail;

    @Inject
    @ConfigProperty(name = "latchkey.bootstrap.owner-name", defaultValue = "Instance admin")
    String ownerName;

    @Inject
    @ConfigProperty(name = "latchkey.bootstrap.token-days", defaultValue = "90")
    int tokenDays;

    /** The bootstrap token when this call bootstrapped; empty when the database already was. */
    @Transactional
    public Optional<Teams.Founded> bootstrapIfEmpty() {
        if (em.find(InstanceState.class, InstanceState.THE_ROW) != null) {
            return Optional.empty();
        }
        em.persist(new InstanceState(clock.instant()));
        // A concurrent bootstrap elsewhere fails here on the primary key and rolls back whole.
        em.flush();
        Teams.Founded founded = teams.found(teamName, ownerEmail, ownerName, tokenDays, true, null);
        audit.recordAs(Actor.SYSTEM, founded.team().id(), null, "instance.bootstrapped",
                new Target("member", founded.owner().id(), founded.owner().email()),
                java.util.Map.of("instance_admin", founded.owner().email(), "token_id", founded.token().credential().id()));
        return Optional.of(founded);
    }
}
