package dev.latchkey.credentials.entity;

import dev.latchkey.credentials.entity.Authority.Dimension;
import dev.latchkey.network.entity.Cidr;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static dev.latchkey.credentials.entity.Permission.ADMIN;
import static dev.latchkey.credentials.entity.Permission.READ;
import static dev.latchkey.credentials.entity.Permission.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** {@link Authority#exceededBy}: one case per dimension, each way. */
class AuthorityTest {

    private static final Optional<Environment> LIVE = Optional.of(Environment.LIVE);
    private static final Optional<Environment> TEST = Optional.of(Environment.TEST);
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");
    private static final Authority MEMBER = new Authority("team_a", null, Optional.empty(), EnumSet.allOf(Permission.class),
            Map.of(), false, List.of(), List.of(), null, "mem_1");
    private static final Authority TEST_KEY = new Authority("team_a", "site_1", TEST, Set.of(READ, ADMIN),
            Map.of(), true, List.of("scope_names"), List.of(Cidr.parse("10.0.0.0/8")), LATER, null);

    @Test
    void aMemberCoversAnyKeyOfItsTeam() {
        assertEquals(Optional.empty(), MEMBER.exceededBy(TEST_KEY));
        assertEquals(Optional.of(Dimension.TEAM), MEMBER.exceededBy(with(TEST_KEY, "team_b", "site_1", TEST)));
    }

    @Test
    void aKeyCoversItselfAndNarrowerKeysOnly() {
        assertEquals(Optional.empty(), TEST_KEY.exceededBy(TEST_KEY));
        assertEquals(Optional.of(Dimension.SITE), TEST_KEY.exceededBy(with(TEST_KEY, "team_a", "site_2", TEST)));
        assertEquals(Optional.of(Dimension.ENVIRONMENT), TEST_KEY.exceededBy(with(TEST_KEY, "team_a", "site_1", LIVE)));
        assertEquals(Optional.of(Dimension.PERMISSIONS), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ, WRITE), Map.of(), true, List.of(), List.of(Cidr.parse("10.1.0.0/16")), LATER, null)));
        assertEquals(Optional.of(Dimension.PERMISSIONS), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of("Post", Set.of(WRITE)), true, List.of(), List.of(Cidr.parse("10.1.0.0/16")),
                LATER, null)));
        assertEquals(Optional.of(Dimension.DATA_SCOPES), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), false, List.of(), List.of(Cidr.parse("10.1.0.0/16")), LATER, null)));
        assertEquals(Optional.of(Dimension.DATA_SCOPES), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), true, List.of("scope_pii"), List.of(Cidr.parse("10.1.0.0/16")), LATER, null)));
        assertEquals(Optional.of(Dimension.ADDRESSES), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), true, List.of(), List.of(), LATER, null)));
        assertEquals(Optional.of(Dimension.ADDRESSES), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), true, List.of(), List.of(Cidr.parse("0.0.0.0/0")), LATER, null)));
        assertEquals(Optional.of(Dimension.EXPIRY), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), true, List.of(), List.of(Cidr.parse("10.1.2.3")), null, null)));
        assertEquals(Optional.of(Dimension.EXPIRY), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), true, List.of(), List.of(Cidr.parse("10.1.2.3")), LATER.plusSeconds(1), null)));
        assertEquals(Optional.of(Dimension.MEMBER), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), true, List.of(), List.of(Cidr.parse("10.1.2.3")), LATER, "mem_1")));
        assertEquals(Optional.empty(), TEST_KEY.exceededBy(new Authority("team_a", "site_1", TEST,
                Set.of(READ), Map.of(), true, List.of(), List.of(Cidr.parse("10.1.2.3")), LATER.minusSeconds(1), null)));
    }

    @Test
    void typePermissionsAreCoveredByThePermissionOrTheSameTypePermission() {
        var postReader = new Authority("team_a", "site_1", LIVE, Set.of(), Map.of("Post", Set.of(READ)), false,
                List.of(), List.of(), null, null);
        assertEquals(Optional.empty(), postReader.exceededBy(postReader));
        assertEquals(Optional.of(Dimension.PERMISSIONS), postReader.exceededBy(new Authority("team_a", "site_1", LIVE,
                Set.of(), Map.of("User", Set.of(READ)), false, List.of(), List.of(), null, null)));
    }

    @Test
    void reachIsTeamSiteAndEnvironment() {
        assertEquals(true, MEMBER.reaches(TEST_KEY));
        assertEquals(false, TEST_KEY.reaches(MEMBER));
        assertEquals(false, TEST_KEY.reaches(with(TEST_KEY, "team_a", "site_1", LIVE)));
        assertEquals(true, TEST_KEY.reaches(with(TEST_KEY, "team_a", "site_1", TEST)));
    }

    private static Authority with(Authority a, String team, String site, Optional<Environment> environment) {
        return new Authority(team, site, environment, a.permissions(), a.typePermissions(), a.scoped(), a.scopes(),
                a.allowedIps(), a.expiresAt(), a.memberId());
    }
}
