package dev.latchkey.audit.boundary;

import dev.latchkey.http.control.JsonP;
import dev.latchkey.audit.entity.AuditEvent;
import dev.latchkey.http.control.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit event as shown and exported, with its place in the chain. */
@Schema(description = "One event of the tamper-evident audit trail")
public record AuditEventView(String id, String action, Instant occurredAt, Party actor, Party target,
                             String siteId, String ip, String userAgent, String requestId, JsonObject details,
                             long chainPosition, String hash) {

    /** An actor or target: type, public id, name (and for actors, the credential used). */
    public record Party(String type, String id, String name, @JsonbNillable(false) String credentialId) {
    }

    public static AuditEventView of(AuditEvent event) {
        AuditEvent.Content c = event.content();
        Party target = c.targetType() == null ? null : new Party(c.targetType(), c.targetId(), c.targetName(), null);
        JsonObject details;
        try (var reader = JsonP.createReader(new StringReader(c.details()))) {
            details = reader.readObject();
        }
        return new AuditEventView(c.id(), c.action(), c.occurredAt(),
                new Party(c.actorType(), c.actorId(), c.actorName(), c.actorCredentialId()), target,
                c.siteId(), c.ip(), c.userAgent(), c.requestId(), details, event.teamSeq(), event.hash());
    }

    public String toJsonLine() {
        return Json.JSONB.toJson(this);
    }
}
