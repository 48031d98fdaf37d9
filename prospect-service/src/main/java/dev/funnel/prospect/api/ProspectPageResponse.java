package dev.funnel.prospect.api;

import java.util.List;

/** One page of prospects, newest first, and how many match the filter in all. */
public record ProspectPageResponse(List<ProspectResponse> items, int page, int size, long total) {
}
