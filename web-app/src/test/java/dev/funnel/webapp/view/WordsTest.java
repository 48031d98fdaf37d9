package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void codesReadAsWordsAndInstantsAsTheirUtcDay() {
        assertThat(Words.label("NO_DECISION")).isEqualTo("No decision");
        assertThat(Words.label("PRICE")).isEqualTo("Price");
        assertThat(Words.label(null)).isEmpty();
        assertThat(Words.day(Instant.parse("2026-03-01T23:59:59Z"))).isEqualTo("2026-03-01");
        assertThat(Words.day(null)).isEmpty();
    }

    @Test
    void aPageIsOfferedToExactlyTheRolesItsApisServe() {
        assertThat(Page.TODAY.allows(java.util.Set.of(Roles.MARKETER))).isTrue();
        assertThat(Page.TODAY.allows(java.util.Set.of(Roles.MANAGER, Roles.ANALYST))).isFalse();
        assertThat(Page.PLAYBOOK.allows(java.util.Set.of(Roles.SELLER))).isTrue();
        assertThat(Page.PLAYBOOK.allows(java.util.Set.of(Roles.MARKETER))).isFalse();
    }
}
