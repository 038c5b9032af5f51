package dev.latchkey.usage.control;

import dev.latchkey.credentials.entity.CredentialKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reading usage: daily counts of one credential or of a site by key or owner, and a team's time to hello world. */
@ApplicationScoped
public class Usage {

    /**
     * Uses of one credential on one UTC day: {@code requests} authenticated, of which {@code valid} went
     * on and the rest were refused by the rate limit or for a missing permission or scope; uses refused
     * by the address allowlist never authenticated.
     */
    @Schema(name = "UsageDay", description = "Uses of a credential on one UTC day: requests (authenticated) = valid "
            + "+ rate_limited + insufficient_permission; address_refused never authenticated; routes: its direct "
            + "calls to Latchkey's own API by route (method and path template), most called first")
    public record Day(String date, long requests, long valid, long rateLimited, long addressRefused,
                      long insufficientPermission, List<RouteCalls> routes) {
    }

    /** Direct calls on one route of Latchkey's API: {@code GET /v1/sites/{site}/data/{type}/{id}}, never a raw path. */
    @Schema(name = "RouteCalls")
    public record RouteCalls(String route, long requests) {
    }

    /**
     * A site's usage on one UTC day: of one key ({@code key_id} and its owner) or one owner (all its keys), by
     * outcome; or (group_by=route) its keys' direct calls on one route of Latchkey's API, the outcomes then null.
     */
    @Schema(name = "SiteUsage", description = "Uses on one UTC day of one key (group_by=key: key_id and its owner_id) "
            + "or of all keys of one owner (group_by=owner: owner_id, null for keys without one; key_id null), by "
            + "outcome; or, with group_by=route, the site's keys' direct calls (requests) on one route (method and "
            + "path template) of Latchkey's API, key_id, owner_id and the outcomes null")
    public record Row(String keyId, String ownerId, String day, Long valid, Long rateLimited, Long addressRefused,
                      Long insufficientPermission, String route, Long requests) {

        Row(String keyId, String ownerId, String day, long valid, long rateLimited, long addressRefused,
            long insufficientPermission) {
            this(keyId, ownerId, day, (Long) valid, (Long) rateLimited, (Long) addressRefused,
                    (Long) insufficientPermission, null, null);
        }

        static Row calls(String day, String route, long requests) {
            return new Row(null, null, day, null, null, null, null, route, requests);
        }

        Row plus(Row other) {
            return new Row(null, ownerId, day, valid + other.valid, rateLimited + other.rateLimited,
                    addressRefused + other.addressRefused, insufficientPermission + other.insufficientPermission);
        }
    }

    /** How {@link #site} groups its rows. */
    public enum GroupBy { KEY, OWNER, ROUTE }

    /** Onboarding figures: API tokens, how many were used, and how long the first call took. */
    public record Onboarding(long tokens, long used, long neverUsed, Long medianSeconds,
                             @JsonbProperty("p90_seconds") Long p90Seconds) {
    }

    @PersistenceContext
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Day> daily(String credentialId, int days) {
        List<Object[]> rows = em.createNativeQuery("SELECT usage_day, requests, rate_limited, address_refused, "
                        + "insufficient_permission FROM credential_usage WHERE credential_id = ? ORDER BY usage_day DESC")
                .setParameter(1, credentialId).setMaxResults(days).getResultList();
        Map<String, List<RouteCalls>> routes = rows.isEmpty() ? Map.of()
                : routes(credentialId, (String) rows.get(rows.size() - 1)[0]);
        return rows.stream().map(r -> {
            long requests = number(r[1]);
            long rateLimited = number(r[2]);
            long insufficient = number(r[4]);
            return new Day((String) r[0], requests, valid(requests, rateLimited, insufficient), rateLimited,
                    number(r[3]), insufficient, routes.getOrDefault((String) r[0], List.of()));
        }).toList();
    }

    /** A credential's calls by day and route since {@code from}, each day's most called route first. */
    @SuppressWarnings("unchecked")
    private Map<String, List<RouteCalls>> routes(String credentialId, String from) {
        List<Object[]> rows = em.createNativeQuery("SELECT usage_day, route, requests FROM credential_route_usage "
                        + "WHERE credential_id = ? AND usage_day >= ? ORDER BY usage_day, requests DESC, route")
                .setParameter(1, credentialId).setParameter(2, from).getResultList();
        Map<String, List<RouteCalls>> byDay = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byDay.computeIfAbsent((String) row[0], day -> new ArrayList<>())
                    .add(new RouteCalls((String) row[1], number(row[2])));
        }
        return byDay;
    }

    /**
     * A site's usage from {@code from} to {@code to} (UTC days, inclusive), newest day first, then by key or
     * owner id (keys without an owner last).
     */
    @SuppressWarnings("unchecked")
    public List<Row> site(String siteId, LocalDate from, LocalDate to, GroupBy groupBy) {
        if (groupBy == GroupBy.ROUTE) {
            return byRoute(siteId, from, to);
        }
        List<Object[]> rows = em.createNativeQuery("SELECT u.credential_id, c.owner_id, u.usage_day, u.requests, "
                        + "u.rate_limited, u.address_refused, u.insufficient_permission FROM credential_usage u "
                        + "JOIN credentials c ON c.id = u.credential_id WHERE c.site_id = ? AND u.usage_day >= ? "
                        + "AND u.usage_day <= ? ORDER BY u.usage_day DESC, u.credential_id")
                .setParameter(1, siteId).setParameter(2, from.toString()).setParameter(3, to.toString())
                .getResultList();
        List<Row> byKey = rows.stream().map(r -> {
            long rateLimited = number(r[4]);
            long insufficient = number(r[6]);
            return new Row((String) r[0], (String) r[1], (String) r[2], valid(number(r[3]), rateLimited, insufficient),
                    rateLimited, number(r[5]), insufficient);
        }).toList();
        if (groupBy == GroupBy.KEY) {
            return byKey;
        }
        Map<List<String>, Row> byOwner = new LinkedHashMap<>();
        for (Row row : byKey) {
            byOwner.merge(Arrays.asList(row.day(), row.ownerId()), new Row(null, row.ownerId(), row.day(), row.valid(),
                    row.rateLimited(), row.addressRefused(), row.insufficientPermission()), Row::plus);
        }
        return byOwner.values().stream().sorted(Comparator.comparing(Row::day).reversed()
                .thenComparing(Row::ownerId, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** The site's keys' direct calls per day and route, newest day first, then the most called route. */
    @SuppressWarnings("unchecked")
    private List<Row> byRoute(String siteId, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("SELECT r.usage_day, r.route, SUM(r.requests) AS calls "
                        + "FROM credential_route_usage r JOIN credentials c ON c.id = r.credential_id "
                        + "WHERE c.site_id = ? AND r.usage_day >= ? AND r.usage_day <= ? "
                        + "GROUP BY r.usage_day, r.route ORDER BY r.usage_day DESC, calls DESC, r.route")
                .setParameter(1, siteId).setParameter(2, from.toString()).setParameter(3, to.toString())
                .getResultList();
        return rows.stream().map(r -> Row.calls((String) r[0], (String) r[1], number(r[2]))).toList();
    }

    /**
     * Authenticated uses that went on: the refusals after authentication were counted in {@code requests}
     * too (never below 0, should a refusal's day be the day after its authentication's).
     */
    static long valid(long requests, long rateLimited, long insufficientPermission) {
        return Math.max(0, requests - rateLimited - insufficientPermission);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Onboarding onboarding(String teamId) {
        List<Object[]> rows = em.createQuery("select c.createdAt, c.firstUsedAt from Credential c "
                        + "where c.teamId = :team and c.kind = :kind", Object[].class)
                .setParameter("team", teamId).setParameter("kind", CredentialKind.API_TOKEN).getResultList();
        List<Long> waits = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                waits.add(Duration.between((Instant) row[0], (Instant) row[1]).toSeconds());
            }
        }
        waits.sort(Long::compare);
        return new Onboarding(rows.size(), waits.size(), rows.size() - waits.size(),
                percentile(waits, 50), percentile(waits, 90));
    }

    /** Nearest-rank percentile; null when there is nothing to rank. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
