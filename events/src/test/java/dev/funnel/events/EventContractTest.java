package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Nobody can build an event that breaks the contract. */
class EventContractTest {

    private static final Set<String> QUOTA_TARGETS = Set.of("customersTarget", "valueTargetMinor", "currency");
    private static final Instant AT = Instant.parse("2026-11-26T10:15:30Z");
    private static final UUID ID = UUID.fromString("3f2b8c1e-6a4d-4f7e-9b1a-2c3d4e5f6a7b");

    static Stream<?> samples() {
        return EventSamples.named();
    }

    @Test
    void salesProspectWithATechniqueIsRefused() {
        assertRefused(() -> new ProspectFound(ID, ProspectSource.SALES, "linkedin-post", "ben_r", 0, "EUR", AT),
                "technique");
    }

    @Test
    void marketingProspectWithoutATechniqueIsRefused() {
        assertRefused(() -> new ProspectFound(ID, ProspectSource.MARKETING, null, "anna.k", 0, "EUR", AT),
                "technique");
    }

    @Test
    void negativeMinutesAreRefused() {
        assertRefused(() -> activity("blog", -1, 0, "EUR"), "minutesSpent");
    }

    @Test
    void moreMinutesThanADayHasAreRefused() {
        assertRefused(() -> activity("blog", 1441, 0, "EUR"), "minutesSpent");
    }

    @Test
    void aWholeDayAndNoTimeAtAllAreBothAccepted() {
        assertThat(activity("blog", 0, 0, "EUR").minutesSpent()).isZero();
        assertThat(activity("blog", 1440, 0, "EUR").minutesSpent()).isEqualTo(1440);
    }

    @Test
    void negativeCostIsRefused() {
        assertRefused(() -> activity("blog", 30, -1, "EUR"), "costMinor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "E1R", ""})
    void currencyThatIsNotThreeCapitalLettersIsRefused(String currency) {
        assertRefused(() -> activity("blog", 30, 0, currency), "currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "LinkedIn", "linkedin post", "linkedin_post", "blog/2",
        "forty-one-characters-are-one-too-many-now"})
    void techniqueThatIsNotASlugIsRefused(String technique) {
        assertRefused(() -> activity(technique, 30, 0, "EUR"), "technique");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Anna", "anna k", "anna@example.com"})
    void ownerThatIsNotAHandleIsRefused(String owner) {
        assertRefused(() -> new ProspectContacted(ID, owner, AT), "owner");
    }

    @Test
    void techniqueNameMustBeOneToEightyCharacters() {
        assertRefused(() -> new MarketingTechniqueDefined("blog", "", Cadence.DAILY, AT), "name");
        assertRefused(() -> new MarketingTechniqueDefined("blog", "n".repeat(81), Cadence.DAILY, AT), "name");
        assertThat(new MarketingTechniqueDefined("blog", "n".repeat(80), Cadence.DAILY, AT).name()).hasSize(80);
    }

    @Test
    void wonDealWithoutValueIsRefused() {
        assertRefused(() -> new ProspectWon(ID, 0, "EUR", AT), "valueMinor");
    }

    @Test
    void negativeEstimatedValueIsRefusedButUnknownValueZeroIsAccepted() {
        assertRefused(() -> new ProspectFound(ID, ProspectSource.SALES, null, "ben_r", -1, "EUR", AT),
                "estimatedValueMinor");
        assertThat(new ProspectFound(ID, ProspectSource.SALES, null, "ben_r", 0, "EUR", AT).estimatedValueMinor())
                .isZero();
    }

    /**
     * Every reference component is required except ProspectFound's technique (checked above) and a quota's targets
     * (checked below).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRequiredFieldLeftNullIsRefusedNamingTheField(FunnelEvent sample) throws Exception {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Constructor<?> canonical = sample.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            boolean optional = sample instanceof ProspectFound && name.equals("technique")
                    || sample instanceof SalesQuotaSet && QUOTA_TARGETS.contains(name);
            if (components[i].getType().isPrimitive() || optional) {
                continue;
            }
            Object[] arguments = new Object[components.length];
            for (int j = 0; j < components.length; j++) {
                arguments[j] = components[j].getAccessor().invoke(sample);
            }
            arguments[i] = null;

            assertRefused(() -> construct(canonical, arguments), name);
        }
    }

    @Test
    void aQuotaHasATargetAndAValueTargetComesWithItsCurrency() {
        assertRefused(() -> quota(null, null, null), "customersTarget");
        assertRefused(() -> quota(null, null, "EUR"), "valueTargetMinor");
        assertRefused(() -> quota(null, 100L, null), "currency");
        assertRefused(() -> quota(0, null, null), "customersTarget");
        assertRefused(() -> quota(null, 0L, "EUR"), "valueTargetMinor");
        assertThat(quota(3, null, null).valueTargetMinor()).isNull();
        assertThat(quota(null, 100L, "EUR").customersTarget()).isNull();
        assertRefused(() -> new SalesQuotaSet("anna.k", YearMonth.of(1999, 12), 3, null, null, "m", AT), "month");
    }

    @Test
    void violationMessageNamesTheFieldAndTheRule() {
        assertThatThrownBy(() -> activity("Blog Posts", 30, 0, "EUR"))
                .hasMessage("technique: must match [a-z0-9-]{2,40} but was 'Blog Posts'");
    }

    @Test
    void partitionKeyIsTheTechniqueForMarketingEventsTheOwnerForQuotasAndTheProspectIdForAllOthers() {
        assertThat(EventSamples.TECHNIQUE_DEFINED.partitionKey()).isEqualTo("linkedin-post");
        assertThat(EventSamples.ACTIVITY_LOGGED.partitionKey()).isEqualTo("linkedin-post");
        assertThat(EventSamples.QUOTA_SET.partitionKey()).isEqualTo("anna.k");
        for (FunnelEvent event : EventSamples.all()) {
            if (event.type().topic().equals(Topics.MARKETING_ACTIVITIES)
                    || event.type().topic().equals(Topics.SALES_QUOTAS)) {
                continue;
            }
            assertThat(event.partitionKey()).as(event.type().eventName())
                    .isEqualTo(((UUID) component(event, "prospectId")).toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void occurredAtIsTheEventsOwnTimestamp(FunnelEvent event) {
        RecordComponent timestamp = Arrays.stream(event.getClass().getRecordComponents())
                .filter(component -> component.getName().endsWith("At"))
                .reduce((a, b) -> {
                    throw new AssertionError("one ...At component per event");
                })
                .orElseThrow();

        assertThat(event.occurredAt()).isEqualTo(component(event, timestamp.getName()));
    }

    @ParameterizedTest
    @EnumSource(ObjectionCategory.class)
    void everyObjectionCategoryIsALostReasonOfTheSameName(ObjectionCategory category) {
        assertThat(LostReason.of(category).name()).isEqualTo(category.name());
    }

    @Test
    void contractExceptionIsAnIllegalArgumentSoCallersNeedNoNewCatchClause() {
        assertThatThrownBy(() -> new ProspectLost(ID, null, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SalesQuotaSet quota(Integer customers, Long valueMinor, String currency) {
        return new SalesQuotaSet("anna.k", YearMonth.of(2026, 12), customers, valueMinor, currency, "maria", AT);
    }

    private static MarketingActivityLogged activity(String technique, int minutes, long cost, String currency) {
        return new MarketingActivityLogged(ID, technique, LocalDate.of(2026, 11, 26), minutes, cost, currency, AT);
    }

    private static Object construct(Constructor<?> constructor, Object[] arguments) throws Throwable {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object component(FunnelEvent event, String name) {
        try {
            return event.getClass().getMethod(name).invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction)
                .isInstanceOfSatisfying(EventContractException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ");
                });
    }
}
