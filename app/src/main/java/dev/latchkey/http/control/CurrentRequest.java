package dev.latchkey.http.control;

import dev.latchkey.identifiers.entity.Ids;
import jakarta.enterprise.context.RequestScoped;

/**
 * What is known about the request being served: its id, when it began and where it came
 * from. Audit events and error bodies read it from here; who made it is
 * {@code credentials.control.CurrentCaller}'s.
 */
@RequestScoped
public class CurrentRequest {

    private String requestId;
    private long startedNanos;
    private String clientAddress;
    private String userAgent;

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
}
