package dev.latchkey.audit.control;

import dev.latchkey.http.control.Rfc3339;
import dev.latchkey.problems.control.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Which events of a team to show: by site, action prefix ({@code token.} matches
 * {@code token.revoked}), actor, target, and a time range [since, until).
 */
public record AuditFilter(String teamId, String siteId, String actionPrefix, String actor, String target,
                          Instant since, Instant until) {

    public static AuditFilter of(String teamId, String site, String action, String actor, String target,
                                 String since, String until) {
        Instant from = Rfc3339.parse("since", since);
        Instant to = Rfc3339.parse("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("until", "until must be after since");
        }
        return new AuditFilter(teamId, blankToNull(site), blankToNull(action), blankToNull(actor),
                blankToNull(target), from, to);
    }

    /** The JPQL condition over alias {@code e}, with {@link #parameters()}. */
    public String where() {
        StringBuilder where = new StringBuilder("e.teamId = :team");
        if (siteId != null) {
            where.append(" and e.siteId = :site");
        }
        if (actionPrefix != null) {
            where.append(" and e.action like :action escape '!'");
        }
        if (actor != null) {
            where.append(" and (e.actorId = :actor or e.actorCredentialId = :actor)");
        }
        if (target != null) {
            where.append(" and e.targetId = :target");
        }
        if (since != null) {
            where.append(" and e.occurredAt >= :since");
        }
        if (until != null) {
            where.append(" and e.occurredAt < :until");
        }
        return where.toString();
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("team", teamId);
        if (siteId != null) {
            parameters.put("site", siteId);
        }
        if (actionPrefix != null) {
            parameters.put("action", actionPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (actor != null) {
            parameters.put("actor", actor);
        }
        if (target != null) {
            parameters.put("target", target);
        }
        if (since != null) {
            parameters.put("since", since);
        }
        if (until != null) {
            parameters.put("until", until);
        }
        return parameters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
