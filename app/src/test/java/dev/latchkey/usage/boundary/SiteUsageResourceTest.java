package dev.latchkey.usage.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.usage.control.Usage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SiteUsageResourceTest {

    @Test
    void groupByIsKeyByDefaultOrOwnerOrRouteAndNothingElse() {
        assertEquals(Usage.GroupBy.KEY, SiteUsageResource.groupBy(null));
        assertEquals(Usage.GroupBy.KEY, SiteUsageResource.groupBy("key"));
        assertEquals(Usage.GroupBy.OWNER, SiteUsageResource.groupBy("owner"));
        assertEquals(Usage.GroupBy.ROUTE, SiteUsageResource.groupBy("route"));
        assertEquals("group_by", assertThrows(InvalidInputException.class, () -> SiteUsageResource.groupBy("OWNER"))
                .fields().get(0).field());
    }

    @Test
    void daysAreStrictIsoDatesNamedByTheirParameter() {
        assertEquals(LocalDate.of(2026, 2, 28), SiteUsageResource.day("from", "2026-02-28"));
        for (String bad : new String[] {"2026-02-30", "2026-2-28", "+2026-02-28", "20260228", "today"}) {
            assertEquals("to", assertThrows(InvalidInputException.class, () -> SiteUsageResource.day("to", bad))
                    .fields().get(0).field(), bad);
        }
    }
}
