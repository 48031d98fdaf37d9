package dev.funnel.prospect.service;

/** The caller may set quotas, but their user name cannot be recorded as who set one (403). */
public class QuotaSetterRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    QuotaSetterRefusedException(String message) {
        super(message);
    }
}
