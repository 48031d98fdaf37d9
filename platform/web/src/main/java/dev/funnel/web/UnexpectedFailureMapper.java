package dev.funnel.web;

import dev.funnel.persistence.DatabaseUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What no other mapper claims. A database that is away or too slow (its waits are bounded by the datasource's
 * timeouts) is the client's cue to try again: 503 with {@code Retry-After}; the transaction did not commit, or in
 * the rare case of a commit whose answer was lost, a repeat with the same id is a replay. Anything else is the service's own fault: a 500 problem, logged with its stack
 * trace, which quarkus-resteasy-problem would otherwise give.
 *
 * <p>Exceptions with a mapper of their own (validation, problems, JSON input, the services' domain refusals) are
 * more specific than {@link RuntimeException} and never reach this one.
 */
class UnexpectedFailureMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class);

    private final long retryAfterSeconds;

    UnexpectedFailureMapper(WebConfig config) {
        this.retryAfterSeconds = WebConfig.retryAfterSeconds(config.unavailableRetryAfter());
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        if (DatabaseUnavailable.causedIt(e)) {
            LOG.warnf("The database is unavailable, answering 503: %s", rootMessage(e));
            return Problems.of(Status.SERVICE_UNAVAILABLE, "The service's database is not answering; try again in "
                            + retryAfterSeconds + " s")
                    .withHeader("Retry-After", retryAfterSeconds)
                    .build()
                    .toResponse();
        }
        LOG.error("Unexpected failure, answering 500", e);
        return Problems.of(Status.INTERNAL_SERVER_ERROR, null).build().toResponse();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
