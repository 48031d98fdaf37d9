package dev.funnel.webapp.view;

/** A share from 0 to 1 as people read it: a whole percentage. */
public final class Percent {

    private Percent() {
    }

    /** 0.8989 is "90%"; the exact value stays in the page's data- attributes. */
    public static String of(double share) {
        return Math.round(share * 100) + "%";
    }
}
