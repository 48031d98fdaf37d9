package dev.funnel.analytics.api;

import dev.funnel.analytics.forecast.Backtest;
import dev.funnel.analytics.forecast.Forecast;
import dev.funnel.analytics.forecast.Forecasts;
import dev.funnel.web.QueryParameters;
import dev.funnel.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What the next weeks should bring: the customers the open prospects should give and the prospects the marketing
 * effort should, and how well the same forecast did in the weeks before. Every figure is defined in the README.
 * Read by the same people as the other insights: analysts, managers and marketers.
 */
@Path("/insights/forecast")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.MANAGER, Roles.MARKETER})
public class ForecastResource {

    /** The horizons a forecast looks at: a month, two, a quarter. */
    static final List<Integer> HORIZONS = List.of(30, 60, 90);
    static final int DEFAULT_HORIZON_DAYS = 30;
    /** A quarter of weekly forecasts by default, a year at most: each origin is a forecast of its own. */
    static final int DEFAULT_WEEKS_AGO = 12;
    static final int MAX_WEEKS_AGO = 52;

    private final Forecasts forecasts;
    private final Clock clock;

    ForecastResource(Forecasts forecasts, Clock clock) {
        this.forecasts = forecasts;
        this.clock = clock;
    }

    /** The open prospects' expected customers and value, and each technique's expected prospects. */
    @GET
    public Forecast forecast(@QueryParam("asOf") String asOf, @QueryParam("horizonDays") String horizonDays,
            @QueryParam("owner") String owner) {
        QueryParameters parameters = new QueryParameters();
        LocalDate day = InsightParameters.asOf(parameters, asOf, clock);
        int horizon = horizon(parameters, horizonDays);
        String seller = parameters.owner("owner", owner).orElse(null);
        parameters.throwIfInvalid();
        return forecasts.forecast(day, horizon, seller);
    }

    /** The forecasts made each week of the {@code weeksAgo} weeks before asOf, against what happened. */
    @GET
    @Path("backtest")
    public Backtest backtest(@QueryParam("asOf") String asOf, @QueryParam("weeksAgo") String weeksAgo,
            @QueryParam("horizonDays") String horizonDays, @QueryParam("owner") String owner) {
        QueryParameters parameters = new QueryParameters();
        LocalDate day = InsightParameters.asOf(parameters, asOf, clock);
        int weeks = parameters.integer("weeksAgo", weeksAgo, DEFAULT_WEEKS_AGO, 1, MAX_WEEKS_AGO);
        int horizon = horizon(parameters, horizonDays);
        String seller = parameters.owner("owner", owner).orElse(null);
        parameters.throwIfInvalid();
        return forecasts.backtest(day, weeks, horizon, seller);
    }

    /** {@code horizonDays}: 30, 60 or 90, 30 when absent. */
    static int horizon(QueryParameters parameters, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_HORIZON_DAYS;
        }
        for (int horizon : HORIZONS) {
            if (String.valueOf(horizon).equals(value.strip())) {
                return horizon;
            }
        }
        parameters.invalid("horizonDays", "must be 30, 60 or 90 but was " + QueryParameters.shown(value));
        return DEFAULT_HORIZON_DAYS;
    }
}
