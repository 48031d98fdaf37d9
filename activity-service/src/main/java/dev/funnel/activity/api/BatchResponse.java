package dev.funnel.activity.api;

import java.util.List;

/** What a batch stored: every activity of the request, and how many of them are new. */
public record BatchResponse(int created, int replayed, List<ActivityResponse> activities) {
}
