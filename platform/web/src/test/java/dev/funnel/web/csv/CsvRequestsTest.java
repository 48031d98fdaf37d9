package dev.funnel.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class CsvRequestsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    enum Kind { CALL, VISIT }

    record Row(UUID id, @NotNull @Size(max = 12) String name, @NotNull @Min(0) Integer minutes, LocalDate on,
            Kind kind, String notes) {
    }

    @Test
    void aSpreadsheetsQuotingLineBreaksAndByteOrderMarkAreRead() {
        List<Row> rows = read("\uFEFFid,name,minutes,on,kind,notes\r\n"
                + "00000000-0000-0000-0000-000000000001,\"Doe, Jane\",30,2026-01-02,call,\"said \"\"later\"\"\"\r\n"
                + ",Ann,0,,VISIT,\"two\nlines\"\r\n");

        assertThat(rows).containsExactly(
                new Row(UUID.fromString("00000000-0000-0000-0000-000000000001"), "Doe, Jane", 30,
                        LocalDate.of(2026, 1, 2), Kind.CALL, "said \"later\""),
                new Row(null, "Ann", 0, null, Kind.VISIT, "two\nlines"));
    }

    @Test
    void semicolonsSeparateCellsWhenTheHeaderIsWrittenWithThem() {
        assertThat(read("name;minutes;notes\n\"Doe; Jane\";15;a, b\n"))
                .containsExactly(new Row(null, "Doe; Jane", 15, null, null, "a, b"));
    }

    @Test
    void columnsComeInAnyOrderAndCaseAndMayBeLeftOut() {
        assertThat(read("MINUTES, Name\n5,Bo\n")).containsExactly(new Row(null, "Bo", 5, null, null, null));
    }

    @Test
    void everyProblemOfEveryRowIsNamedByRowAndColumnAndNothingIsTaken() {
        HttpProblem refusal = refusal("name,minutes,on,kind\n"
                + "Ann,thirty,2026-01-02,CALL\n"
                + ",5,2026-01-02,CALL\n"
                + "Bo,5,02.01.2026,MEETING\n"
                + "Cy,-1,,\n"
                + "Dee,5,,\n");

        assertThat(refusal.getStatusCode()).isEqualTo(400);
        assertThat(refusal.getDetail()).isEqualTo("The sheet has problems in 4 rows; nothing was stored");
        assertThat(violations(refusal)).extracting(v -> v.get("row") + " " + v.get("column") + ": " + v.get("message"))
                .containsExactly(
                        "2 minutes: must be a whole number from -2147483648 to 2147483647 but was 'thirty'",
                        "3 name: must not be null",
                        "4 on: must be a date as YYYY-MM-DD but was '02.01.2026'",
                        "4 kind: must be one of CALL, VISIT but was 'MEETING'",
                        "5 minutes: must be greater than or equal to 0");
        assertThat(violations(refusal).get(0)).containsEntry("field", "row 2, minutes").containsEntry("in", "body");
    }

    @Test
    void aColumnThatFillsNothingIsNamedOnceInTheHeaderRow() {
        assertThat(violations(refusal("name,minutes,duration\nAnn,5,7\nBo,x,7\n")))
                .singleElement()
                .satisfies(v -> assertThat(v).containsEntry("row", 1).containsEntry("column", "duration")
                        .containsEntry("message", "is not a column of this sheet: the columns are id, name, "
                                + "minutes, on, kind, notes"));
        assertThat(violations(refusal("name,Name\nAnn,Ann\n"))).singleElement()
                .satisfies(v -> assertThat(v.get("message")).isEqualTo("names the same column as name"));
    }

    @Test
    void aSheetThatIsNoCsvOrHasNoRowsOrTooManyIsRefused() {
        assertThat(violations(refusal(""))).singleElement()
                .satisfies(v -> assertThat(v.get("message")).asString().contains("the sheet is empty"));
        assertThat(violations(refusal("name,minutes\n"))).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("row", 2)
                        .containsEntry("message", "the sheet has no rows below its header"));
        assertThat(violations(refusal("name,minutes\nAnn,5,extra\n"))).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("row", 2)
                        .containsEntry("message", "has 3 cells but the header names 2 columns"));
        assertThat(violations(refusal("name,minutes\n\"Ann,5\n"))).singleElement()
                .satisfies(v -> assertThat(v.get("message")).asString().startsWith("is not CSV"));
        assertThat(violations(catchThrowableOfType(HttpProblem.class, () -> CsvRequests.read(
                "name,minutes\nA,1\nB,2\nC,3\nD,4\n", Row.class, 3, VALIDATOR)))).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("row", 5)
                        .containsEntry("message", "a sheet takes at most 3 rows below its header"));
    }

    @Test
    void aTableIsWrittenWithItsHeaderQuotesWhereNeededAndCrlf() {
        assertThat(CsvTables.write(List.of("group", "won", "note"), List.of(
                List.of("ana", 3, "said \"no\", then yes"),
                Arrays.asList(null, 0, "two\nlines"))))
                .isEqualTo("group,won,note\r\nana,3,\"said \"\"no\"\", then yes\"\r\n,0,\"two\nlines\"\r\n");
    }

    @Test
    void recordsAreWrittenOneColumnPerFieldAndReadBackAsTheyWere() {
        List<Row> rows = List.of(new Row(UUID.fromString("00000000-0000-0000-0000-000000000002"), "Doe, Jane", 30,
                LocalDate.of(2026, 1, 2), Kind.CALL, "said \"later\"\nthen"), new Row(null, "Ann", 0, null, null, null));

        String sheet = CsvTables.ofRecords(Row.class, rows);

        assertThat(sheet).startsWith("id,name,minutes,on,kind,notes\r\n");
        assertThat(read(sheet)).isEqualTo(rows);
    }

    private static List<Row> read(String body) {
        return CsvRequests.read(body, Row.class, 10, VALIDATOR);
    }

    private static HttpProblem refusal(String body) {
        return catchThrowableOfType(HttpProblem.class, () -> read(body));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> violations(HttpProblem problem) {
        return (List<Map<String, Object>>) problem.getParameters().get("violations");
    }
}
