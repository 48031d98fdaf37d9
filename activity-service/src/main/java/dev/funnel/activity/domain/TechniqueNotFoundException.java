package dev.funnel.activity.domain;

/** No technique has this slug. */
public class TechniqueNotFoundException extends RuntimeException {

    private final String slug;

    public TechniqueNotFoundException(String slug) {
        super("Technique '" + slug + "' does not exist");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
