package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormIdsTest {

    @Test
    void onlyACanonicalUuidIsAnId() {
        UUID id = UUID.randomUUID();
        assertThat(FormIds.parse(id.toString())).hasValue(id);
        assertThat(FormIds.parse("1-2-3-4-5")).as("a shortened form UUID.fromString accepts").isEmpty();
        assertThat(FormIds.parse("not-an-id-at-all-but-thirty-six-char")).isEmpty();
        assertThat(FormIds.parse("")).isEmpty();
        assertThat(FormIds.parse(null)).isEmpty();
    }
}
