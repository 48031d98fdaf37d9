package dev.funnel.analytics.api;

import dev.funnel.analytics.quota.QuotaInsights;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.security.Caller;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * "You have to devote all your time to it until you meet your quota": whether each seller is on pace for the
 * month's quota, and how their earlier months ended. A seller sees only their own; managers and analysts everyone's.
 */
@Path("/insights/quota")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.MANAGER, Roles.SELLER})
public class QuotaResource {

    private final QuotaInsights quotas;
    private final Caller caller;
    private final Clock clock;

    QuotaResource(QuotaInsights quotas, Caller caller, Clock clock) {
        this.quotas = quotas;
        this.caller = caller;
        this.clock = clock;
    }

    /** {@code month} (YYYY-MM) defaults to the month of {@code asOf}, which defaults to today (UTC). */
    @GET
    public QuotaPaceResponse quota(@QueryParam("month") String month, @QueryParam("asOf") String asOf) {
        QueryParameters parameters = new QueryParameters();
        LocalDate day = InsightParameters.asOf(parameters, asOf, clock);
        YearMonth chosen = parameters.month("month", month).orElseGet(() -> YearMonth.from(day));
        parameters.throwIfInvalid();
        return QuotaPaceResponse.of(quotas.report(chosen, day, onlyOwner()));
    }

    /** Caller limits every role but managers and admins to one owner; analysts read every seller's quota too. */
    private Optional<String> onlyOwner() {
        return caller.has(Roles.ANALYST) ? Optional.empty() : caller.onlyOwner();
    }
}
