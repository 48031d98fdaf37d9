package dev.funnel.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests the application's HTTP port serves at once ({@code funnel.web.max-requests-in-flight}). Without
 * a bound an overloaded service takes every request and keeps it waiting, so that none is answered in time and its
 * memory grows; with one, a request past it is refused at once with a 503 problem and {@code Retry-After}, on the
 * event loop, before its body is read, its token checked or a worker thread taken, and the ones admitted are served.
 *
 * <p>Quarkus 3.33 has no such setting: {@code quarkus.http.limits.max-connections} refuses connections, not requests,
 * and {@code max-concurrent-streams} bounds HTTP/2 only. So it is this route, the first on the router.
 *
 * <p>Only the application router is observed as {@link Router}; the management interface (health, metrics) has a
 * router of its own and is never shed, so a probe or a scrape still answers when the bound is reached.
 */
@ApplicationScoped
class LoadShedder {

    private final int limit;
    private final long retryAfterSeconds;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    LoadShedder(WebConfig config, MeterRegistry registry) {
        this.limit = config.maxRequestsInFlight();
        this.retryAfterSeconds = WebConfig.retryAfterSeconds(config.shedRetryAfter());
        this.shed = Counter.builder("funnel.http.requests.shed")
                .description("Requests refused with 503 because the HTTP port was serving its limit of requests")
                .register(registry);
        Gauge.builder("funnel.http.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests the HTTP port is serving now, admitted and not yet answered or abandoned")
                .register(registry);
    }

    void install(@Observes Router router) {
        // The same order as OversizedBodyFilter's, Quarkus' earliest (RouteConstants): before any body handler.
        router.route().order(Integer.MIN_VALUE).handler(this::admitOrShed);
    }

    private void admitOrShed(RoutingContext context) {
        if (!tryAdmit()) {
            refuse(context);
            return;
        }
        // The end handlers run once the response is written or the connection is lost (closed, reset) before it
        // was; the flag keeps a slot from being given back twice should Vert.x ever call them both.
        AtomicBoolean released = new AtomicBoolean();
        context.addEndHandler(ended -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        });
        context.next();
    }

    /** Takes a slot unless all are taken: compare and set, so the count never passes the limit even for a moment. */
    private boolean tryAdmit() {
        int current;
        do {
            current = inFlight.get();
            if (current >= limit) {
                return false;
            }
        } while (!inFlight.compareAndSet(current, current + 1));
        return true;
    }

    private void refuse(RoutingContext context) {
        shed.increment();
        HttpServerRequest request = context.request();
        context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        if (hasBody(request)) {
            // Its body is never read; closing the connection spares reading it to find where the next request starts.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        Status status = Status.SERVICE_UNAVAILABLE;
        Problems.end(context, status.getStatusCode(), status.getReasonPhrase(), "The service is at its limit of "
                + limit + " requests in flight; try again in " + retryAfterSeconds + " s");
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !"0".equals(length.trim());
    }
}
