package dev.latchkey.database.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink, on a failed query, pings the connection and, if the ping fails too, retries the
 * query up to three times a second apart: against a frozen database each ping and retry waits a
 * full socket timeout, so a request took ten seconds and more to fail. The pool validates
 * connections itself, so a failed query fails at once and the next request gets a sound one.
 * Named in {@code persistence.xml} ({@code eclipselink.session.customizer}).
 */
public class NoQueryRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setConnectionHealthValidatedOnError(false);
    }
}
