package dev.funnel.prospect.api;

import java.util.List;

/**
 * The answer to a sheet of prospects.
 *
 * @param created prospects registered now (each published as ProspectFound)
 * @param replayed rows whose id held the same prospect already: nothing was published again
 * @param prospects every row's prospect, in the sheet's order
 */
public record ProspectSheetResponse(int created, int replayed, List<ProspectResponse> prospects) {
}
