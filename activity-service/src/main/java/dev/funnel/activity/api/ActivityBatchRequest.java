package dev.funnel.activity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Up to 1,000 activities stored together or not at all: backfilling history from a spreadsheet. */
public record ActivityBatchRequest(
        @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid ActivityRequest> activities) {
}
