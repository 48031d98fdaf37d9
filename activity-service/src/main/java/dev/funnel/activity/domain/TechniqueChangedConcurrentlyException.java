package dev.funnel.activity.domain;

/**
 * Another request changed the technique to something else while this one changed it: neither overwrites the
 * other unseen. The client may read the technique again and retry.
 */
public class TechniqueChangedConcurrentlyException extends RuntimeException {

    private final String slug;

    public TechniqueChangedConcurrentlyException(String slug) {
        super("Technique '" + slug + "' was changed by another request at the same time; retry");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
