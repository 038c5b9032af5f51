package dev.latchkey.usage.control;

import dev.latchkey.credentials.entity.CredentialRefused;
import dev.latchkey.credentials.entity.CredentialUsed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The application metrics at {@code GET /metrics?scope=application} (Prometheus format):
 * authentication outcomes by reason, request latency by route and status class, rate-limit
 * rejections, and provider refresh outcomes.
 */
@ApplicationScoped
public class Measurements {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void used(@Observes CredentialUsed use) {
        if (use.outcome() == CredentialUsed.Outcome.VALID) {
            authentication("success");
        }
    }

    void refused(@Observes CredentialRefused refusal) {
        authentication(refusal.reason().wireName());
    }

    void failed(@Observes dev.latchkey.credentials.entity.AuthenticationFailed failure) {
        authentication("failed");
    }

    void throttled(@Observes dev.latchkey.credentials.entity.AuthenticationThrottled throttled) {
        rateLimited("auth_failures");
    }

    /** The metrics of every request, looked up once each (a registry lookup builds tags and ids every time). */
    private record RequestMetric(String method, String route, int statusClass) {
    }

    private final ConcurrentHashMap<String, Counter> authentications = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RequestMetric, Timer> requests = new ConcurrentHashMap<>();

    /** An authentication outcome: {@code success}, or why it failed. */
    public void authentication(String outcome) {
        authentications.computeIfAbsent(outcome,
                o -> registry.counter("latchkey_authentications", new Tag("outcome", o))).inc();
    }

    public void request(String method, String route, int status, Duration latency) {
        requests.computeIfAbsent(new RequestMetric(method, route, status / 100),
                m -> registry.timer("latchkey_requests", new Tag("method", m.method()), new Tag("route", m.route()),
                        new Tag("status", m.statusClass() + "xx"))).update(latency);
    }

    public void rateLimited(String limit) {
        registry.counter("latchkey_rate_limited", new Tag("limit", limit)).inc();
    }

    public void providerRefresh(String provider, String outcome) {
        registry.counter("latchkey_provider_refreshes", new Tag("provider", provider), new Tag("outcome", outcome)).inc();
    }
}
