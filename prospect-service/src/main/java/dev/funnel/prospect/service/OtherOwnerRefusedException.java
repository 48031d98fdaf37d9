package dev.funnel.prospect.service;

/** A seller asked for another owner's prospects by name: refused (403), since a seller acts only for themselves. */
public class OtherOwnerRefusedException extends RuntimeException {

    OtherOwnerRefusedException(String message) {
        super(message);
    }
}
