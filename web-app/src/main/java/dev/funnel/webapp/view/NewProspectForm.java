package dev.funnel.webapp.view;

import dev.funnel.webapp.client.ProspectApi.NewProspect;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The form that registers a prospect: what was typed (kept after a refusal) and the errors next to each input. The
 * inputs are named like prospect-service's fields, but for the estimated value, typed in the currency's units and
 * sent in minor units: its violations ({@code estimatedValueMinor}, {@code currency}) are shown at that input.
 *
 * @param id chosen when the form is shown, so a form sent twice (a double click) registers one prospect
 */
public record NewProspectForm(UUID id, String displayName, String company, String email, String phone,
        String source, String technique, String owner, String estimatedValue, FormErrors errors) {

    /** The inputs the form has; a violation naming another field is shown above the form. */
    static final Set<String> INPUTS = Set.of("displayName", "company", "email", "phone", "source", "technique",
            "owner", "estimatedValue");

    private static final Map<String, String> INPUT_OF_FIELD = Map.of("estimatedValueMinor", "estimatedValue",
            "currency", "estimatedValue");

    public static NewProspectForm blank() {
        return new NewProspectForm(UUID.randomUUID(), "", "", "", "", "SALES", "", "", "", FormErrors.NONE);
    }

    /** What the person sent, nulls read as nothing typed. */
    public static NewProspectForm typed(UUID id, String displayName, String company, String email, String phone,
            String source, String technique, String owner, String estimatedValue) {
        return new NewProspectForm(id, text(displayName), text(company), text(email), text(phone), text(source),
                text(technique), text(owner), text(estimatedValue), FormErrors.NONE);
    }

    public NewProspectForm refused(FormErrors shown) {
        return new NewProspectForm(id, displayName, company, email, phone, source, technique, owner, estimatedValue,
                onInputs(shown));
    }

    /**
     * The registration to send: optional texts left blank are left out (the service refuses a blank company,
     * e-mail or phone), the name is sent as typed, even empty, for the service to say what it requires.
     *
     * @param owner null for a seller (the prospect is theirs); a manager's form names the seller
     * @throws Amounts.NotAnAmount when the estimated value is no amount of the currency
     */
    public NewProspect request(Currency currency, boolean namesOwner) throws Amounts.NotAnAmount {
        Long value = Amounts.minorUnits(estimatedValue, currency);
        return new NewProspect(id, displayName.strip(), present(company), present(email), present(phone),
                present(source), present(technique), namesOwner ? present(owner) : null, value,
                value == null ? null : currency.getCurrencyCode());
    }

    /** The refused fields that have no input of their own, with their messages: "foundAt: must be …". */
    public List<String> otherErrors() {
        return errors.fields().entrySet().stream().filter(field -> !INPUTS.contains(field.getKey()))
                .map(field -> field.getKey() + ": " + field.getValue()).toList();
    }

    static FormErrors onInputs(FormErrors errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, message) -> fields.merge(INPUT_OF_FIELD.getOrDefault(field, field),
                message, (first, next) -> first + "; " + next));
        return new FormErrors(errors.summary(), fields);
    }

    private static String present(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static String text(String typed) {
        return typed == null ? "" : typed;
    }
}
