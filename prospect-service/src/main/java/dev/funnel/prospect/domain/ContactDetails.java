package dev.funnel.prospect.domain;

/** Who the prospect is: personal data, kept here only, erasable. */
public record ContactDetails(String displayName, String company, String email, String phone) {
}
