package dev.funnel.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.analytics.api.BreakdownResponse.Row;
import dev.funnel.analytics.funnel.FunnelFigures.Conversion;
import dev.funnel.analytics.funnel.FunnelFigures.DaysToWin;
import dev.funnel.analytics.funnel.FunnelFigures.Effort;
import dev.funnel.analytics.funnel.FunnelFigures.ObjectionCounts;
import dev.funnel.analytics.funnel.FunnelFigures.Stages;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BreakdownSheetTest {

    @Test
    void everyFigureIsAColumnAndEachCurrencyOneMore() {
        TreeMap<String, BigInteger> seoCost = new TreeMap<>();
        seoCost.put("EUR", BigInteger.valueOf(2500));
        TreeMap<String, BigInteger> radioCost = new TreeMap<>();
        radioCost.put("USD", new BigInteger("18446744073709551614"));
        BreakdownResponse breakdown = new BreakdownResponse(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15),
                "technique", null, null, null, List.of(
                        new Row("seo", new Effort(2, 90, seoCost), new Stages(4, 3, 1, 2, 1, 1),
                                new Conversion(0.75, 2 / 3.0, 0.5), 2 / 3.0, new DaysToWin(2.0, 8.5),
                                new ObjectionCounts(2, 1)),
                        new Row("radio", new Effort(1, 30, radioCost), new Stages(1, 0, 0, 0, 0, 1),
                                new Conversion(0.0, null, 0.0), null, new DaysToWin(null, null),
                                new ObjectionCounts(0, 0)),
                        new Row(null, null, new Stages(2, 2, 0, 1, 1, 0), new Conversion(1.0, 0.5, 0.5), 0.5,
                                new DaysToWin(1.5, 1.5), new ObjectionCounts(0, 0))));

        assertThat(BreakdownSheet.of(breakdown).split("\r\n")).containsExactly(
                "technique,stages.found,stages.contacted,stages.objected,stages.won,stages.lost,stages.open,"
                        + "conversion.foundToContacted,conversion.contactedToWon,conversion.foundToWon,winRate,"
                        + "daysToWin.median,daysToWin.p90,objections.raised,objections.resolved,effort.activities,"
                        + "effort.minutes,effort.costMinor.EUR,effort.costMinor.USD",
                "seo,4,3,1,2,1,1,0.75,0.6666666666666666,0.5,0.6666666666666666,2.0,8.5,2,1,2,90,2500,",
                "radio,1,0,0,0,0,1,0.0,,0.0,,,,0,0,1,30,,18446744073709551614",
                ",2,2,0,1,1,0,1.0,0.5,0.5,0.5,1.5,1.5,0,0,,,,");
    }
}
