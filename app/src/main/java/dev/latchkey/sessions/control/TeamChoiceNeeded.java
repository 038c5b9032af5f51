package dev.latchkey.sessions.control;

import dev.latchkey.members.entity.Team;
import dev.latchkey.problems.control.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * The email and password are right in more than one team: the caller says which with
 * {@code team_id}. Only said after a right password, so it tells nothing to a guesser.
 */
public class TeamChoiceNeeded extends InvalidInputException {

    private final List<Map<String, Object>> teams;

    public TeamChoiceNeeded(List<Team> teams) {
        super("team_id", "This email and password sign in to " + teams.size() + " teams; say which with team_id");
        this.teams = teams.stream().map(team -> Map.<String, Object>of("id", team.id(), "name", team.name())).toList();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("teams", teams);
    }
}
