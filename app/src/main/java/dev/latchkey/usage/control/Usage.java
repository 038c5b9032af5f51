package dev.latchkey.usage.control;

import dev.latchkey.credentials.control.CredentialKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reading usage: daily counts of one credential, and a team's time to hello world. */
@ApplicationScoped
public class Usage {

    /** Requests on one UTC day. */
    @Schema(name = "UsageDay", description = "Requests made with a credential on one UTC day")
    public record Day(String date, long requests) {
    }

    /** Onboarding figures: API tokens, how many were used, and how long the first call took. */
    public record Onboarding(long tokens, long used, long neverUsed, Long medianSeconds,
                             @JsonbProperty("p90_seconds") Long p90Seconds) {
    }

    @PersistenceContext
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Day> daily(String credentialId, int days) {
        List<Object[]> rows = em.createNativeQuery("SELECT usage_day, requests FROM credential_usage WHERE credential_id = ? "
                        + "ORDER BY usage_day DESC")
                .setParameter(1, credentialId).setMaxResults(days).getResultList();
        return rows.stream().map(r -> new Day((String) r[0], ((Number) r[1]).longValue())).toList();
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
