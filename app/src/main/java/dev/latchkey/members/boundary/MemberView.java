package dev.latchkey.members.boundary;

import dev.latchkey.members.entity.Member;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member as shown. */
@Schema(example = "{\"id\": \"mem_9Zx8Yw7Vu6Ts5Rq4\", \"email\": \"dev@example.com\", \"name\": \"Dana Developer\", \"role\": \"developer\", \"instance_admin\": false, \"created_by\": \"mem_1aB2c3D4e5F6g7H8\", \"created_at\": \"2026-01-15T09:30:00Z\"}")
public record MemberView(String id, String email, String name, String role, boolean instanceAdmin,
                         String createdBy, Instant createdAt) {

    public static MemberView of(Member member) {
        return new MemberView(member.id(), member.email(), member.name(), member.role().wireName(),
                member.instanceAdmin(), member.createdBy(), member.createdAt());
    }
}
