package dev.funnel.objection.api;

import java.util.List;

/** One page of objections, newest first, and how many match the filter in all. */
public record ObjectionPageResponse(List<ObjectionResponse> items, int page, int size, long total) {
}
