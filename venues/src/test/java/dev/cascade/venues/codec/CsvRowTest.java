package dev.cascade.venues.codec;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written splitter against FastCSV as the oracle. */
class CsvRowTest {
    private final CsvRow row = new CsvRow();

    private boolean split(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return row.split(b, 0, b.length);
    }

    private List<String> fields() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.count(); i++) {
            out.add(row.string(i));
        }
        return out;
    }

    @Test
    void shouldSplitPlainAndQuotedFields() {
        assertThat(split("2023-06-25 00:00:00,BTCUSD_PERP,5578700.00000000,\"\",\"a,b\",\"say \"\"hi\"\"\",")).isTrue();
        assertThat(fields()).containsExactly("2023-06-25 00:00:00", "BTCUSD_PERP", "5578700.00000000", "", "a,b",
                "say \"hi\"", "");
        assertThat(row.isEmpty(3)).isTrue();
        assertThat(row.number(2)).isEqualTo(5578700.0);
    }

    @Test
    void shouldRefuseBrokenQuoting() {
        assertThat(split("a,\"unterminated")).isFalse();
        assertThat(split("a,\"x\"y,b")).isFalse();
        assertThat(split("a,b\"c")).isFalse();
    }

    @Test
    void shouldSplitAnEmptyLineIntoOneEmptyField() {
        assertThat(split("")).isTrue();
        assertThat(row.count()).isEqualTo(1);
        assertThat(row.isEmpty(0)).isTrue();
    }

    @Property(tries = 2000)
    void shouldReadWhatFastCsvWrites(@ForAll("records") List<String> record) throws Exception {
        StringWriter w = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
            csv.writeRecord(record);
        }
        String line = w.toString();
        line = line.substring(0, line.length() - 1);
        assertThat(split(line)).as(line).isTrue();
        assertThat(fields()).isEqualTo(record);
    }

    @Property(tries = 2000)
    void shouldSplitLikeFastCsvWhateverItAccepts(@ForAll("lines") String line) throws Exception {
        if (!split(line)) {
            return;
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(line)) {
            List<CsvRecord> records = reader.stream().toList();
            List<String> expected = records.isEmpty() ? List.of("") : records.get(0).getFields();
            assertThat(fields()).as(line).isEqualTo(expected);
        }
    }

    @Property(tries = 2000)
    void shouldNeverThrowOnArbitraryBytes(@ForAll byte[] bytes) {
        if (row.split(bytes, 0, bytes.length)) {
            assertThat(row.count()).isPositive();
        }
    }

    @Provide
    Arbitrary<List<String>> records() {
        Arbitrary<String> field = Arbitraries.strings().withChars("abc,\" 019.-").ofMaxLength(8);
        return field.list().ofMinSize(1).ofMaxSize(8).filter(l -> !(l.size() == 1 && l.get(0).isEmpty()));
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().withChars("ab,\" 1.").ofMaxLength(16).filter(s -> !s.isEmpty());
    }
}
