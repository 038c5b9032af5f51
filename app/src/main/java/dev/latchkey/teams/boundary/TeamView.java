package dev.latchkey.teams.boundary;

import dev.latchkey.members.entity.Team;
import java.time.Instant;

/** A team as shown. */
public record TeamView(String id, String name, Instant createdAt) {

    public static TeamView of(Team team) {
        return new TeamView(team.id(), team.name(), team.createdAt());
    }
}
