package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.Connections;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to send the user, and the single-use state bound to this attempt. */
@Schema(example = "{\"authorize_url\": \"https://github.com/login/oauth/authorize?client_id=…&state=…\", \"state\": \"Vb3nM8kL1qW0eR5t\", \"expires_at\": \"2026-01-15T09:40:00Z\"}")
public record StartedConnectionView(String authorizeUrl, String state, Instant expiresAt) {

    public static StartedConnectionView of(Connections.Started started) {
        return new StartedConnectionView(started.authorizeUrl().toString(), started.state(), started.expiresAt());
    }
}
