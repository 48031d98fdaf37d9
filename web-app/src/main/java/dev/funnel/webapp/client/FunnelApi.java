package dev.funnel.webapp.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * analytics-service's funnel (its README, "Definitions"): the prospects found in a range, stage by stage, in total
 * and per group, and the hunted against the farmed. Sums of money are exact integers of minor units, which may exceed
 * a long: they are read as {@link BigInteger}.
 */
@RegisterRestClient(configKey = "analytics")
@RegisterProvider(PersonsAccessToken.class)
@RegisterProvider(ProblemResponseMapper.class)
@Path("/")
public interface FunnelApi {

    /** What a breakdown may group by, as {@code by} takes it. */
    List<String> GROUPINGS = List.of("source", "technique", "owner", "week");

    /** Marketing's activities in the range; {@code costMinor} per currency, never summed across currencies. */
    record Effort(long activities, long minutes, SortedMap<String, BigInteger> costMinor) {
    }

    /** found = contacted + never contacted; found = won + lost + open. */
    record Stages(long found, long contacted, long objected, long won, long lost, long open) {
    }

    /** Each null when its denominator is 0. */
    record Conversion(Double foundToContacted, Double contactedToWon, Double foundToWon) {
    }

    record DaysToWin(Double median, Double p90) {
    }

    record ObjectionCounts(long raised, long resolved) {
    }

    record Funnel(LocalDate from, LocalDate to, String source, String technique, String owner, Effort effort,
            Stages stages, Conversion conversion, Double winRate, DaysToWin daysToWin, ObjectionCounts objections) {
    }

    /**
     * @param group the source, technique, owner or ISO week; null for the hunted prospects in a breakdown by technique
     * @param effort null in a breakdown by owner
     */
    record Row(String group, Effort effort, Stages stages, Conversion conversion, Double winRate,
            DaysToWin daysToWin, ObjectionCounts objections) {
    }

    record Breakdown(LocalDate from, LocalDate to, String by, List<Row> rows) {
    }

    /** Marketing's effort and what it took per result; costs per result are doubles of minor units. */
    record SourceEffort(long activities, long minutes, SortedMap<String, BigInteger> costMinor,
            Double minutesPerProspectFound, Double minutesPerCustomerWon,
            SortedMap<String, Double> costPerProspectFoundMinor, SortedMap<String, Double> costPerCustomerWonMinor) {
    }

    /** One side: {@code MARKETING} (farmed) or {@code SALES} (hunted); {@code effort} null for sales. */
    record SourceCohort(String source, long found, long won, long lost, Double winRate, DaysToWin daysToWin,
            SortedMap<String, BigInteger> wonValueMinor, Double objectedShare, SourceEffort effort) {
    }

    record HuntingVsFarming(LocalDate from, LocalDate to, SourceCohort marketing, SourceCohort sales) {
    }

    /** Dates as typed (YYYY-MM-DD): the service says what is wrong with them. */
    @GET
    @Path("funnel")
    Funnel funnel(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("funnel/breakdown")
    Breakdown breakdown(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("insights/hunting-vs-farming")
    HuntingVsFarming huntingVsFarming(@QueryParam("from") String from, @QueryParam("to") String to);
}
