package dev.funnel.prospect.service;

import java.util.List;

/**
 * Some prospects of a sheet could not be registered, so none was: each named by its position in the request and
 * the field at fault.
 */
public class RejectedProspectsException extends RuntimeException {

    private final transient List<Rejection> rejections;

    RejectedProspectsException(List<Rejection> rejections) {
        super(rejections.size() + " of the prospects were rejected; none was registered");
        this.rejections = List.copyOf(rejections);
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /** @param index the prospect's position in the request, from 0 */
    public record Rejection(int index, String field, String message) {
    }
}
