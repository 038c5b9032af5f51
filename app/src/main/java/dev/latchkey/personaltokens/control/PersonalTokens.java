package dev.latchkey.personaltokens.control;

import dev.latchkey.audit.control.AuditLog;
import dev.latchkey.audit.control.Target;
import dev.latchkey.credentials.control.CredentialIssuer;
import dev.latchkey.credentials.entity.Authority;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Credential;
import dev.latchkey.credentials.entity.CredentialKind;
import dev.latchkey.credentials.entity.Permission;
import dev.latchkey.members.entity.Member;
import dev.latchkey.paging.control.Page;
import dev.latchkey.paging.control.PageRequest;
import dev.latchkey.paging.control.Pages;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.problems.control.NoSuchResourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Issuing, listing and revoking a member's personal access tokens. */
@ApplicationScoped
public class PersonalTokens {

    public static final String PREFIX = "pat_";
    public static final int MAX_DAYS = 366;

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialIssuer issuer;

    @Inject
    Pages pages;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /**
     * A token a member asks for, for itself or (an owner) for a member it added: never more
     * than the maker holds. Without {@code requested} it gets the maker's permissions that the
     * member's role allows.
     */
    public CredentialIssuer.Issued issue(Caller maker, Member member, String name, int expiresInDays,
                                         List<String> requested) {
        List<String> wanted = requested != null ? requested : maker.permissions().stream()
                .filter(member.role().permissions()::contains).sorted().map(Permission::wireName).toList();
        Set<Permission> permissions = permissionsFor(member, wanted);
        maker.requireCovers(new Authority(member.teamId(), null, Optional.empty(), permissions, Map.of(), false, List.of(),
                List.of(), null, member.id()), "a personal access token");
        return issue(member, name, expiresInDays, wanted, maker.requireMember().id());
    }

    /**
     * A token made without a maker's credential (bootstrap, a new team's first owner).
     *
     * @param requested wire names of the permissions wanted; null means all the member's role allows
     * @param createdBy id of the member who asked for it (the member itself, or an owner)
     */
    public CredentialIssuer.Issued issue(Member member, String name, int expiresInDays,
                                         List<String> requested, String createdBy) {
        if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
            throw new InvalidInputException("expires_in_days",
                    "Personal access tokens must expire within 1 to " + MAX_DAYS + " days");
        }
        Set<Permission> permissions = permissionsFor(member, requested);
        var draft = CredentialIssuer.Draft.forMember(PREFIX, member.teamId(), member.id(), name,
                permissions, clock.instant().plus(Duration.ofDays(expiresInDays)), createdBy);
        CredentialIssuer.Issued issued = issuer.issue(draft);
        Credential credential = issued.credential();
        audit.record(member.teamId(), null, "personal_token.created", target(credential), Map.of(
                "member_id", member.id(), "permissions", Permission.encode(permissions),
                "expires_at", credential.expiresAt().toString(), "last4", credential.last4()));
        return issued;
    }

    public Page<Credential> list(String memberId, PageRequest request) {
        return pages.list(Credential.class, "e.memberId = :member and e.kind = :kind",
                Map.of("member", memberId, "kind", CredentialKind.PERSONAL_TOKEN), request);
    }

    public Credential find(String memberId, String tokenId) {
        Credential credential = em.find(Credential.class, tokenId);
        if (credential == null || credential.kind() != CredentialKind.PERSONAL_TOKEN
                || !memberId.equals(credential.memberId())) {
            throw new NoSuchResourceException("personal access token", tokenId);
        }
        return credential;
    }

    /** Irreversible; revoking a revoked token changes nothing. */
    public Credential revoke(String memberId, String tokenId) {
        Credential credential = find(memberId, tokenId);
        if (credential.revokedAt() == null) {
            credential.revoke(clock.instant());
            audit.record(credential.teamId(), null, "personal_token.revoked", target(credential),
                    Map.of("member_id", memberId, "last4", credential.last4()));
        }
        return credential;
    }

    private static Target target(Credential credential) {
        return new Target("personal_token", credential.id(), credential.name());
    }

    private static Set<Permission> permissionsFor(Member member, List<String> requested) {
        Set<Permission> allowed = member.role().permissions();
        if (requested == null) {
            return allowed;
        }
        if (requested.isEmpty()) {
            throw new InvalidInputException("permissions", "Give at least one permission, or leave permissions out");
        }
        Set<Permission> result = Permission.parse("permissions", requested);
        for (Permission permission : result) {
            if (!allowed.contains(permission)) {
                throw new InvalidInputException("permissions",
                        "A " + member.role().wireName() + " cannot grant '" + permission.wireName() + "'");
            }
        }
        return result;
    }
}
