package dev.latchkey.credentials.boundary;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.Environment;
import dev.latchkey.credentials.entity.Permission;
import java.time.Instant;
import java.util.List;

/** {@code GET /v1/whoami}: who the caller is authenticated as. */
public record WhoamiView(String kind, String id, Team team, Member member, Site site, String environment,
                         List<String> permissions, List<String> scopes, Instant expiresAt) {

    public record Team(String id, String name) {
    }

    public record Member(String id, String email, String role) {
    }

    public record Site(String id, String name) {
    }

    public static WhoamiView of(Caller caller) {
        return new WhoamiView(caller.kind().wireName(), caller.credentialId(),
                new Team(caller.team().id(), caller.team().name()),
                caller.member() == null ? null
                        : new Member(caller.member().id(), caller.member().email(), caller.member().role().wireName()),
                caller.site() == null ? null : new Site(caller.site().id(), caller.site().name()),
                caller.environment().map(Environment::wireName).orElse(null),
                caller.permissions().stream().sorted().map(Permission::wireName).toList(),
                caller.scopes(), caller.expiresAt());
    }
}
