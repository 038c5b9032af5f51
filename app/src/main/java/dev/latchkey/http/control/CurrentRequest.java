package dev.latchkey.http.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.identifiers.entity.Ids;
import dev.latchkey.problems.control.NotAuthenticatedException;
import jakarta.enterprise.context.RequestScoped;

/**
 * What is known about the request being served: its id, where it came from, and (once
 * authenticated) who made it. Audit events and error bodies read it from here.
 */
@RequestScoped
public class CurrentRequest {

    private String requestId;
    private long startedNanos;
    private String clientAddress;
    private String userAgent;
    private Caller caller;

    public void begin(String clientAddress, String userAgent) {
        this.requestId = Ids.next("req_");
        this.startedNanos = System.nanoTime();
        this.clientAddress = clientAddress;
        this.userAgent = userAgent;
    }

    public String requestId() {
        if (requestId == null) {
            requestId = Ids.next("req_");
        }
        return requestId;
    }

    /** Microseconds since the request began. */
    public long elapsedMicros() {
        return (System.nanoTime() - startedNanos) / 1000;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    public void authenticated(Caller who) {
        this.caller = who;
    }

    /** The authenticated caller, if the request has one. */
    public java.util.Optional<Caller> callerIfAny() {
        return java.util.Optional.ofNullable(caller);
    }

    /** The authenticated caller; public endpoints have none. */
    public Caller caller() {
        if (caller == null) {
            throw NotAuthenticatedException.noCredential("No credential provided");
        }
        return caller;
    }
}
