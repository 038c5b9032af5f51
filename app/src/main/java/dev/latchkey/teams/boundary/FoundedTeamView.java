package dev.latchkey.teams.boundary;

import dev.latchkey.teams.control.Teams;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating a team: the team, its owner, and the owner's first token (shown once). */
@Schema(description = "A new team, its owner and the owner's first token (shown once)")
public record FoundedTeamView(String id, String name, Instant createdAt, Owner owner, String token) {

    public record Owner(String id, String email) {
    }

    public static FoundedTeamView of(Teams.Founded founded) {
        return new FoundedTeamView(founded.team().id(), founded.team().name(), founded.team().createdAt(),
                new Owner(founded.owner().id(), founded.owner().email()), founded.token().token());
    }
}
