package dev.latchkey.connections.boundary;

import dev.latchkey.connections.control.Connections;
import java.time.Instant;

/** Where to send the user, and the single-use state bound to this attempt. */
public record StartedConnectionView(String authorizeUrl, String state, Instant expiresAt) {

    public static StartedConnectionView of(Connections.Started started) {
        return new StartedConnectionView(started.authorizeUrl().toString(), started.state(), started.expiresAt());
    }
}
