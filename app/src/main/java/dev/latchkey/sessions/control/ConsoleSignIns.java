package dev.latchkey.sessions.control;

import dev.latchkey.members.entity.Member;
import dev.latchkey.members.entity.Team;
import dev.latchkey.problems.control.NotAuthenticatedException;
import dev.latchkey.problems.control.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Signing in through the API ({@code POST /v1/sessions}): the same throttled password check as
 * the authorize page ({@link SignIns}), in a named team or, without one, in whichever team the
 * email has that password; then a new session ({@link Sessions#start}), whose cookie serves the
 * console and the authorize page alike. Unknown email and wrong password get the same answer.
 */
@ApplicationScoped
public class ConsoleSignIns {

    static final String REFUSED = "Wrong email or password";

    @Inject
    SignIns signIns;

    @Inject
    Sessions sessions;

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public Sessions.Started signIn(String email, String password, String teamId, Optional<String> previousSecret) {
        Member member;
        try {
            if (teamId != null) {
                member = signIns.verify(teamId, email, password);
            } else {
                List<Member> found = signIns.verifyInAnyTeam(email, password);
                if (found.size() > 1) {
                    throw new TeamChoiceNeeded(found.stream().map(m -> em.find(Team.class, m.teamId())).toList());
                }
                member = found.get(0);
            }
        } catch (SignInRefused refused) {
            throw refused.throttled()
                    ? new RateLimitedException(refused.getMessage(), Duration.ofSeconds(refused.retryAfterSeconds()))
                    : NotAuthenticatedException.noCredential(REFUSED);
        }
        return sessions.start(member, previousSecret);
    }
}
