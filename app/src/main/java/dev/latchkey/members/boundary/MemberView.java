package dev.latchkey.members.boundary;

import dev.latchkey.members.entity.Member;
import java.time.Instant;

/** A member as shown. */
public record MemberView(String id, String email, String name, String role, boolean instanceAdmin,
                         String createdBy, Instant createdAt) {

    public static MemberView of(Member member) {
        return new MemberView(member.id(), member.email(), member.name(), member.role().wireName(),
                member.instanceAdmin(), member.createdBy(), member.createdAt());
    }
}
