package dev.funnel.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Batches write their rows in PostgreSQL's order of the uuid keys (that keeps concurrent batches free of
 * deadlocks), which is the order of the ids' texts, not {@link UUID#compareTo}'s.
 */
class UuidOrderTest {

    @Test
    void idsAreSortedAsTheirTextsAre() {
        Random random = new Random(3);
        List<UUID> ids = new ArrayList<>(List.of(UUID.fromString("7fffffff-ffff-ffff-7fff-ffffffffffff"),
                UUID.fromString("80000000-0000-0000-8000-000000000000"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("00000000-0000-0000-0000-000000000000"),
                UUID.fromString("00000000-0000-0000-8000-000000000000"),
                UUID.fromString("00000000-0000-0000-7fff-ffffffffffff")));
        for (int i = 0; i < 10_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }

        List<UUID> byText = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();

        assertThat(ids.stream().sorted(ProjectionWriter.AS_STORED).toList()).containsExactlyElementsOf(byText);
        assertThat(ids.stream().sorted().toList()).as("UUID.compareTo, which would not do")
                .isNotEqualTo(byText);
    }
}
