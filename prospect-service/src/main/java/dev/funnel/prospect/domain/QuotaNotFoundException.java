package dev.funnel.prospect.domain;

import java.time.YearMonth;

/** No quota is set for this owner and month, or the caller may not see it (a seller asking for another's). */
public class QuotaNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuotaNotFoundException(String owner, YearMonth month) {
        super("No quota is set for " + owner + " in " + month);
    }
}
