package dev.funnel.webapp.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service refused a call: its RFC 9457 problem detail, as the services all write it ({@code status}, {@code
 * title}, {@code detail}, {@code violations} naming each invalid field, and members of their own such as a
 * prospect's current {@code stage}). Pages show it to the person in words, each violation next to its field.
 */
public class ApiProblem extends RuntimeException {

    /** One invalid field: its name as the API knows it ({@code minutesSpent}, {@code activities[3].notes}). */
    public record Violation(String field, String in, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<Violation> violations;
    private final Map<String, Object> members;
    private final Optional<Integer> retryAfterSeconds;

    public ApiProblem(int status, String title, String detail, List<Violation> violations,
            Map<String, Object> members, Optional<Integer> retryAfterSeconds) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = List.copyOf(violations);
        this.members = Map.copyOf(members);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The detail, or null when the service gave none. */
    public String detail() {
        return detail;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The problem's other members (for example {@code stage} on a 409 of prospect-service), as JSON values. */
    public Map<String, Object> members() {
        return members;
    }

    public Optional<Integer> retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What the person reads: the title, and the detail when there is one. */
    public String inWords() {
        return detail == null || detail.isBlank() ? title : title + ": " + detail;
    }
}
