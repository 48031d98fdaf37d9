package dev.funnel.activity.domain;

/** A technique with this slug exists; a slug names one technique for good. */
public class TechniqueAlreadyExistsException extends RuntimeException {

    private final String slug;

    public TechniqueAlreadyExistsException(String slug) {
        super("Technique '" + slug + "' already exists");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
