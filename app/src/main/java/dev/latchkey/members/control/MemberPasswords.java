package dev.latchkey.members.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.members.entity.Member;
import dev.latchkey.problems.control.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Members' passwords, for signing in to the OAuth consent page: bcrypt with cost
 * {@code latchkey.passwords.bcrypt-cost} (12), at least 12 characters, at most 72 bytes
 * (bcrypt's limit, refused rather than silently cut).
 */
@ApplicationScoped
public class MemberPasswords {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "latchkey.passwords.bcrypt-cost", defaultValue = "12")
    int cost;

    /** Verified against when no member matches, so a miss costs as much time as a hit. */
    private String decoy;

    @jakarta.annotation.PostConstruct
    void makeDecoy() {
        decoy = BCrypt.withDefaults().hashToString(cost, java.util.UUID.randomUUID().toString().toCharArray());
    }

    public void set(Member member, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password", "A password has at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException("password", "A password has at most " + MAX_BYTES + " bytes");
        }
        member.passwordHash(BCrypt.withDefaults().hashToString(cost, password.toCharArray()));
        audit.record(member.teamId(), null, "member.password_set", new Target("member", member.id(), member.email()),
                Map.of());
    }

    /** The member of this team with this email and password, if both are right. */
    public Optional<Member> signIn(String teamId, String email, String password) {
        List<Member> found = email == null || teamId == null ? List.of() : em.createQuery("select m from Member m "
                        + "where m.teamId = :team and m.email = :email", Member.class)
                .setParameter("team", teamId).setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultList();
        return verified(found, password).stream().findFirst();
    }

    /**
     * The members with this email and password in any team (one email may belong to people in
     * several teams, each with a password of its own): each team's password is checked, so the
     * time taken tells only how many teams the address has a password in.
     */
    public List<Member> signInAnyTeam(String email, String password) {
        List<Member> found = email == null ? List.of() : em.createQuery("select m from Member m "
                        + "where m.email = :email and m.passwordHash is not null order by m.seq", Member.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT)).getResultList();
        return verified(found, password);
    }

    /** Those of the members whose password this is; with none to check, the decoy costs the same time. */
    private List<Member> verified(List<Member> members, String password) {
        List<Member> withPassword = members.stream().filter(Member::hasPassword).toList();
        if (withPassword.isEmpty()) {
            matches(password, decoy);
            return List.of();
        }
        return withPassword.stream().filter(m -> matches(password, m.passwordHash())).toList();
    }

    private static boolean matches(String password, String hash) {
        return password != null && BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
    }
}
