package dev.funnel.analytics.api;

import dev.funnel.analytics.funnel.Cohort;
import dev.funnel.analytics.funnel.ObjectionFigures;
import dev.funnel.analytics.funnel.ObjectionFigures.CategoryFigures;
import dev.funnel.analytics.funnel.ObjectionFigures.NeverObjected;
import dev.funnel.events.ProspectSource;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /funnel/objections}: the cohort's objections per category, and those who never objected. */
public record ObjectionsResponse(LocalDate from, LocalDate to, ProspectSource source, String technique,
        String owner, List<CategoryFigures> categories, NeverObjected neverObjected) {

    static ObjectionsResponse of(Cohort cohort, ObjectionFigures figures) {
        return new ObjectionsResponse(cohort.from(), cohort.to(), cohort.source(), cohort.technique(),
                cohort.owner(), figures.categories(), figures.neverObjected());
    }
}
