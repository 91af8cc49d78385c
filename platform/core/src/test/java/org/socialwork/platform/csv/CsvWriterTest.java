package org.socialwork.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialwork.platform.csv.CsvWriter.NegativeNumbers.AS_NUMBERS;
import static org.socialwork.platform.csv.CsvWriter.NegativeNumbers.AS_TEXT;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void aDocumentStartsWithTheByteOrderMarkAndEndsEveryRecordWithCrLf() {
        byte[] csv = CsvWriter.write(List.of("code", "name"), List.of(List.of("330481", "海宁市"), List.of("3304", "嘉兴市")),
                AS_TEXT);

        assertThat(Arrays.copyOf(csv, 3)).isEqualTo(BOM);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("code,name\r\n330481,海宁市\r\n3304,嘉兴市\r\n");
    }

    @Test
    void anEmptyTableIsTheByteOrderMarkAndTheHeader() {
        assertThat(CsvWriter.write(List.of("id"), List.of(), AS_NUMBERS))
                .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\r', '\n'});
    }

    @Test
    void aStreamedDocumentHasTheSameBytesAsAWholeOne() throws Exception {
        List<List<?>> rows = List.of(List.of("a,b", 1), Arrays.asList(null, "=1+1"));
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        CsvWriter csv = CsvWriter.start(streamed, AS_TEXT);
        csv.row(List.of("x", "y"));
        csv.flush();
        for (List<?> row : rows) {
            csv.row(row);
        }
        csv.flush();

        assertThat(streamed.toByteArray()).isEqualTo(CsvWriter.write(List.of("x", "y"), rows, AS_TEXT));
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CsvWriter.cell("长安镇社工室, 东区", AS_TEXT)).isEqualTo("\"长安镇社工室, 东区\"");
        assertThat(CsvWriter.cell("say \"hi\"", AS_TEXT)).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("line\nbreak", AS_TEXT)).isEqualTo("\"line\nbreak\"");
        assertThat(CsvWriter.cell("carriage\rreturn", AS_TEXT)).isEqualTo("\"carriage\rreturn\"");
        assertThat(CsvWriter.cell("许村镇社工室", AS_TEXT)).isEqualTo("许村镇社工室");
    }

    @Test
    void nullIsAnEmptyFieldAndOtherValuesAreTheirText() {
        assertThat(CsvWriter.cell(null, AS_TEXT)).isEmpty();
        assertThat(CsvWriter.cell(new BigDecimal("1.50"), AS_TEXT)).isEqualTo("1.50");
        assertThat(CsvWriter.cell(42L, AS_NUMBERS)).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "-", "=", "@"})
    void textThatStartsLikeAFormulaIsDefusedWithAnApostrophe(String formula) {
        assertThat(CsvWriter.cell(formula, AS_TEXT)).isEqualTo("'" + formula);
        assertThat(CsvWriter.cell(formula, AS_NUMBERS)).isEqualTo("'" + formula);
    }

    @Test
    void aDefusedFormulaIsQuotedWhenItNeedsTo() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"x\")", AS_TEXT)).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.cell("\rcmd", AS_TEXT)).isEqualTo("\"'\rcmd\"");
        assertThat(CsvWriter.cell("=1,2", AS_TEXT)).isEqualTo("\"'=1,2\"");
    }

    @ParameterizedTest
    @EnumSource(CsvWriter.NegativeNumbers.class)
    void positiveNumbersAndTextWithAFormulaSignInsideAreLeftAlone(CsvWriter.NegativeNumbers negativeNumbers) {
        assertThat(CsvWriter.cell("1.5", negativeNumbers)).isEqualTo("1.5");
        assertThat(CsvWriter.cell("a=b", negativeNumbers)).isEqualTo("a=b");
        assertThat(CsvWriter.cell("office@example.org", negativeNumbers)).isEqualTo("office@example.org");
    }

    @Test
    void negativeNumbersStayNumbersOnlyWhenAskedTo() {
        assertThat(CsvWriter.cell(-3, AS_NUMBERS)).isEqualTo("-3");
        assertThat(CsvWriter.cell("-0.25", AS_NUMBERS)).isEqualTo("-0.25");
        assertThat(CsvWriter.cell(-3, AS_TEXT)).isEqualTo("'-3");
        assertThat(CsvWriter.cell("-0.25", AS_TEXT)).isEqualTo("'-0.25");
    }

    @Test
    void whatOnlyLooksLikeANegativeNumberIsStillDefused() {
        assertThat(CsvWriter.cell("-1e3", AS_NUMBERS)).isEqualTo("'-1e3");
        assertThat(CsvWriter.cell("-1.", AS_NUMBERS)).isEqualTo("'-1.");
        assertThat(CsvWriter.cell("-3-2", AS_NUMBERS)).isEqualTo("'-3-2");
        assertThat(CsvWriter.cell("+3", AS_NUMBERS)).isEqualTo("'+3");
    }
}
