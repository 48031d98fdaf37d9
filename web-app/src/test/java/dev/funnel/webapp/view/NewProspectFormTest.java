package dev.funnel.webapp.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.funnel.webapp.client.ProspectApi.NewProspect;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewProspectFormTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final UUID ID = UUID.fromString("6f1c0000-0000-4000-8000-0000000000e2");

    @Test
    void optionalFieldsLeftBlankAreLeftOutSinceTheServiceRefusesThemBlank() throws Amounts.NotAnAmount {
        NewProspectForm form = NewProspectForm.typed(ID, " Ann Baker ", "  ", "", null, "SALES", "", "", "");

        NewProspect request = form.request(USD, false);

        assertThat(request).isEqualTo(new NewProspect(ID, "Ann Baker", null, null, null, "SALES", null, null, null,
                null));
    }

    @Test
    void anEmptyNameIsSentForTheServiceToSayWhatItRequires() throws Amounts.NotAnAmount {
        assertThat(NewProspectForm.typed(ID, "", "", "", "", "SALES", "", "", "").request(USD, false).displayName())
                .isEmpty();
    }

    @Test
    void theValueIsTypedInUnitsAndSentInMinorUnitsWithItsCurrency() throws Amounts.NotAnAmount {
        NewProspect request = NewProspectForm.typed(ID, "Ann", "Acme", "ann@acme.test", "+1 555 0100", "MARKETING",
                "daily-posts", "sam", "1500.00").request(USD, true);

        assertThat(request.estimatedValueMinor()).isEqualTo(150_000L);
        assertThat(request.currency()).isEqualTo("USD");
        assertThat(request.technique()).isEqualTo("daily-posts");
        assertThat(request.owner()).as("a manager names the seller").isEqualTo("sam");
        assertThatThrownBy(() -> NewProspectForm.typed(ID, "Ann", "", "", "", "SALES", "", "", "1,500").request(USD,
                false)).isInstanceOf(Amounts.NotAnAmount.class);
    }

    @Test
    void aSellersProspectNamesNoOwnerWhateverWasSent() throws Amounts.NotAnAmount {
        assertThat(NewProspectForm.typed(ID, "Ann", "", "", "", "SALES", "", "alex", "").request(USD, false).owner())
                .isNull();
    }

    @Test
    void theServicesViolationsLandOnTheInputsThatHoldThemAndTheRestAboveTheForm() {
        FormErrors api = new FormErrors("Bad Request: 3 fields are invalid", Map.of(
                "displayName", "must not be blank",
                "estimatedValueMinor", "must be greater than or equal to 0",
                "foundAt", "must not be in the future"));

        NewProspectForm shown = NewProspectForm.blank().refused(api);

        assertThat(shown.errors().of("displayName")).isEqualTo("must not be blank");
        assertThat(shown.errors().of("estimatedValue")).isEqualTo("must be greater than or equal to 0");
        assertThat(shown.errors().has("estimatedValueMinor")).isFalse();
        assertThat(shown.otherErrors()).containsExactly("foundAt: must not be in the future");
        assertThat(shown.errors().summary()).isEqualTo(api.summary());
    }
}
