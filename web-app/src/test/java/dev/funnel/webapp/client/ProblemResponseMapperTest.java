package dev.funnel.webapp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.webapp.view.FormErrors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemResponseMapperTest {

    @Test
    void aProblemDetailKeepsItsWordsItsFieldsAndItsOwnMembers() {
        ApiProblem problem = ProblemResponseMapper.read(409, """
                {"type": "about:blank", "status": 409, "title": "Conflict",
                 "detail": "the prospect is WON, so it cannot be lost", "stage": "WON"}""", null);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.inWords()).isEqualTo("Conflict: the prospect is WON, so it cannot be lost");
        assertThat(problem.members()).containsEntry("stage", "WON").doesNotContainKeys("type", "title");
        assertThat(problem.violations()).isEmpty();
    }

    @Test
    void eachViolationLandsNextToTheFieldItNames() {
        ApiProblem problem = ProblemResponseMapper.read(400, """
                {"status": 400, "title": "Bad Request", "detail": "2 fields are invalid",
                 "violations": [{"field": "minutesSpent", "in": "body", "message": "must be at most 1440"},
                                {"field": "minutesSpent", "in": "body", "message": "must be a whole number"},
                                {"field": "performedOn", "in": "body", "message": "must not be after tomorrow"}]}
                """, null);

        FormErrors errors = FormErrors.of(problem);

        assertThat(errors.summary()).isEqualTo("Bad Request: 2 fields are invalid");
        assertThat(errors.of("minutesSpent")).isEqualTo("must be at most 1440; must be a whole number");
        assertThat(errors.has("performedOn")).isTrue();
        assertThat(errors.has("notes")).isFalse();
    }

    @Test
    void aBodyThatIsNoProblemDetailStillGivesWordsAndTheRetryAfter() {
        ApiProblem gateway = ProblemResponseMapper.read(503, "<html>upstream down</html>", "2");

        assertThat(gateway.inWords()).isEqualTo("Service Unavailable");
        assertThat(gateway.retryAfterSeconds()).isEqualTo(Optional.of(2));
        assertThat(ProblemResponseMapper.read(502, "", "Wed, 21 Oct 2026 07:28:00 GMT").retryAfterSeconds())
                .isEmpty();
        assertThat(ProblemResponseMapper.read(599, "[1, 2]", null).inWords()).isEqualTo("HTTP 599");
    }
}
