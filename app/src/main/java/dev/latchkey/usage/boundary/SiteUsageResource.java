package dev.latchkey.usage.boundary;

import dev.latchkey.credentials.control.CurrentCaller;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.paging.boundary.ListView;
import dev.latchkey.problems.control.InvalidInputException;
import dev.latchkey.sites.control.Sites;
import dev.latchkey.usage.control.Usage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /v1/sites/{site}/usage?group_by=key|owner&from=&to=}: the site's uses per UTC day and key (or
 * owner), split by outcome; newest day first, the whole range in one answer (no pagination).
 */
@Path("v1/sites/{site}/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SiteUsageResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sites sites;

    @Inject
    Usage usage;

    @Inject
    Clock clock;

    @GET
    public ListView<Usage.Row> report(@PathParam("site") String siteId,
            @Parameter(description = "key (default): one row per key and day; owner: one per owner_id and day; "
                    + "route: one per route of Latchkey's API and day (the keys' direct calls)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"key", "owner", "route"}))
            @QueryParam("group_by") String groupBy,
            @Parameter(description = "First UTC day, YYYY-MM-DD (default: 29 days before to)")
            @QueryParam("from") String from,
            @Parameter(description = "Last UTC day, YYYY-MM-DD (default: today); at most 366 days from from")
            @QueryParam("to") String to) {
        Caller caller = currentCaller.caller();
        var site = sites.find(caller, siteId);
        Usage.GroupBy grouping = groupBy(groupBy);
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : day("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : day("from", from);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidInputException("from", "At most " + MAX_DAYS + " days at once");
        }
        return new ListView<>(usage.site(site.id(), first, last, grouping), false, null);
    }

    static Usage.GroupBy groupBy(String value) {
        if (value == null || value.equals("key")) {
            return Usage.GroupBy.KEY;
        }
        if (value.equals("owner")) {
            return Usage.GroupBy.OWNER;
        }
        if (value.equals("route")) {
            return Usage.GroupBy.ROUTE;
        }
        throw new InvalidInputException("group_by", "group_by is key, owner or route");
    }

    static LocalDate day(String parameter, String value) {
        try {
            if (value.length() != 10) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, parameter + " is a UTC day, YYYY-MM-DD");
        }
    }
}
