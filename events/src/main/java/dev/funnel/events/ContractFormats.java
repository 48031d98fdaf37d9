package dev.funnel.events;

import java.util.regex.Pattern;

/**
 * The text formats of the contract's names, for everyone who takes such a name before it becomes an event: a
 * service checking a request ({@code @Pattern(regexp = TECHNIQUE_SLUG, message = TECHNIQUE_SLUG_RULE)}), a consumer
 * checking a query. The JSON Schemas say the same; the schema tests keep them in step.
 */
public final class ContractFormats {

    /** A technique's slug, its stable id, such as {@code linkedin-post}. */
    public static final String TECHNIQUE_SLUG = "[a-z0-9-]{2,40}";
    /** {@link #TECHNIQUE_SLUG} in words. */
    public static final String TECHNIQUE_SLUG_RULE = "must be 2 to 40 of a-z, 0-9 and -";
    /** A seller's user name, such as {@code anna.k}. */
    public static final String OWNER = "[a-z0-9._-]{1,40}";
    /** {@link #OWNER} in words. */
    public static final String OWNER_RULE = "must be 1 to 40 of a-z, 0-9 and . _ -";

    private static final Pattern TECHNIQUE_SLUG_PATTERN = Pattern.compile(TECHNIQUE_SLUG);
    private static final Pattern OWNER_PATTERN = Pattern.compile(OWNER);

    private ContractFormats() {
    }

    /** @return whether the text is a technique slug; false for null */
    public static boolean isTechniqueSlug(String text) {
        return text != null && TECHNIQUE_SLUG_PATTERN.matcher(text).matches();
    }

    /** @return whether the text is an owner's name; false for null */
    public static boolean isOwner(String text) {
        return text != null && OWNER_PATTERN.matcher(text).matches();
    }
}
