package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcut reads nothing java.time would read otherwise, and everything a producer writes. */
class UtcTimestampTest {

    private static final char[] NEAR_THE_FORM = "0123456789-:.TZtz+ ".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T10:15:30Z", "2026-11-26T08:02:11.250Z", "2026-11-26T08:02:11.2Z",
        "2026-11-26T08:02:11.123456789Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "2024-02-29T12:00:00Z", "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z"})
    void readsWhatAProducerWritesAsJavaTimeDoes(String text) {
        assertThat(UtcTimestamp.parseOrNull(text)).isEqualTo(Instant.parse(text))
                .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    }

    @Test
    void readsEveryInstantAsItsOwnText() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            assertThat(UtcTimestamp.parseOrNull(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T10:15:30+01:00", "2026-11-26T10:15:30-00:00", "2026-11-26T23:59:60Z",
        "2026-11-26T24:00:00Z", "2026-02-29T10:15:30Z", "2026-04-31T10:15:30Z", "2026-13-01T10:15:30Z",
        "2026-00-01T10:15:30Z", "2026-11-00T10:15:30Z", "2026-11-26T10:60:30Z", "2026-11-26t10:15:30Z",
        "2026-11-26T10:15:30z", "2026-11-26T10:15:30.Z", "2026-11-26T10:15:30.1234567890Z", "2026-11-26T10:15Z",
        "+2026-11-26T10:15:30Z", "20261-11-26T10:15:30Z", "2026-11-26 10:15:30Z", "2026-11-26T10:15:30,5Z",
        "٢٠٢٦-11-26T10:15:30Z", "", "Z"})
    void leavesEveryOtherFormToJavaTime(String text) {
        assertThat(UtcTimestamp.parseOrNull(text)).isNull();
    }

    @Test
    void leavesNullToJavaTime() {
        assertThat(UtcTimestamp.parseOrNull(null)).isNull();
    }

    /** Texts near the form, changed a character at a time: whatever the shortcut reads, both parsers read alike. */
    @Test
    void neverReadsWhatJavaTimeWouldReadOtherwiseOrRefuse() {
        Random random = new Random(11);
        int readByTheShortcut = 0;
        for (int i = 0; i < 200_000; i++) {
            char[] text = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(3) * 250_000_000).toString().toCharArray();
            for (int changes = random.nextInt(3); changes > 0; changes--) {
                text[random.nextInt(text.length)] = NEAR_THE_FORM[random.nextInt(NEAR_THE_FORM.length)];
            }
            String candidate = new String(text);
            Instant shortcut = UtcTimestamp.parseOrNull(candidate);
            if (shortcut != null) {
                readByTheShortcut++;
                assertThat(shortcut).as(candidate).isEqualTo(isoInstant(candidate))
                        .isEqualTo(isoOffsetDateTime(candidate));
            }
        }
        assertThat(readByTheShortcut).as("texts the shortcut read").isGreaterThan(50_000);
    }

    private static Instant isoInstant(String text) {
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant isoOffsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
