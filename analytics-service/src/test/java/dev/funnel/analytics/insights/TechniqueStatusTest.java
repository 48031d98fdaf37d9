package dev.funnel.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TechniqueStatusTest {

    @Test
    void quietWithoutProspectBeforeTheTypicalLagIsAbandonedEarly() {
        assertThat(TechniqueStatus.of(true, 0, 11, 20)).isEqualTo(TechniqueStatus.ABANDONED_EARLY);
        assertThat(TechniqueStatus.of(true, 0, 0, 20)).isEqualTo(TechniqueStatus.ABANDONED_EARLY);
    }

    @Test
    void quietOtherwiseIsAbandoned() {
        assertThat(TechniqueStatus.of(true, 1, 21, 20)).isEqualTo(TechniqueStatus.ABANDONED);
        assertThat(TechniqueStatus.of(true, 1, 3, 20)).isEqualTo(TechniqueStatus.ABANDONED);
        // Worked as long as prospects typically take, and still nothing: not early.
        assertThat(TechniqueStatus.of(true, 0, 20, 20)).isEqualTo(TechniqueStatus.ABANDONED);
    }

    @Test
    void activeWithProspectsIsGrowingWithoutIsSeeding() {
        assertThat(TechniqueStatus.of(false, 3, 59, 20)).isEqualTo(TechniqueStatus.GROWING);
        assertThat(TechniqueStatus.of(false, 0, 7, 20)).isEqualTo(TechniqueStatus.SEEDING);
        assertThat(TechniqueStatus.of(false, 0, 90, 20)).isEqualTo(TechniqueStatus.SEEDING);
    }
}
