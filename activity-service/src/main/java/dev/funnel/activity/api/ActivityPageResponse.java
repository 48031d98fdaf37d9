package dev.funnel.activity.api;

import java.util.List;

/** One page of activities, newest first, and how many match the filter in all. */
public record ActivityPageResponse(List<ActivityResponse> items, int page, int size, long total) {
}
