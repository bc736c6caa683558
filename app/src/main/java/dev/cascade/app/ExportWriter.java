package dev.cascade.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.cascade.model.Micros;
import dev.cascade.store.StoreExport.Column;
import dev.cascade.store.StoreExport.Type;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Rows of {@code cascade export} in a file format: CSV (RFC 4180, a header line, FastCSV) or JSON Lines (one object
 * a line, Jackson), here; Parquet in {@link ParquetWriter}. Times are ISO-8601 UTC to the microsecond; a missing
 * number is an empty CSV field or a JSON null.
 */
interface ExportWriter extends AutoCloseable {
    void row(Object[] values) throws IOException;

    @Override
    void close() throws IOException;

    /** The text formats. */
    enum Format { CSV, JSONL }

    static ExportWriter of(Format format, List<Column> columns, Writer out) throws IOException {
        return format == Format.CSV ? new Csv(columns, out) : new JsonLines(columns, out);
    }

    static String time(long micros) {
        return Micros.toInstant(micros).toString();
    }

    /** CSV: the header, then one record per row. */
    final class Csv implements ExportWriter {
        private final List<Column> columns;
        private final CsvWriter csv;
        private final String[] fields;

        Csv(List<Column> columns, Writer out) {
            this.columns = columns;
            this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
            this.fields = new String[columns.size()];
            csv.writeRecord(columns.stream().map(Column::name).toList());
        }

        @Override
        public void row(Object[] values) {
            for (int k = 0; k < fields.length; k++) {
                Object v = values[k];
                fields[k] = columns.get(k).type() == Type.TIME ? time((Long) v)
                        : v instanceof Double d ? (d.isNaN() || d.isInfinite() ? "" : number(d)) : String.valueOf(v);
            }
            csv.writeRecord(fields);
        }

        /** 0.001 as 0.001, not 1.0E-3: plain digits every CSV reader takes. */
        private static String number(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                    : java.math.BigDecimal.valueOf(d).toPlainString();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /** JSON Lines: one object per row, the columns as its fields. */
    final class JsonLines implements ExportWriter {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final List<Column> columns;
        private final JsonGenerator json;

        JsonLines(List<Column> columns, Writer out) throws IOException {
            this.columns = columns;
            this.json = JSON.getFactory().createGenerator(out);
            json.setRootValueSeparator(null);
        }

        @Override
        public void row(Object[] values) throws IOException {
            json.writeStartObject();
            for (int k = 0; k < values.length; k++) {
                Column c = columns.get(k);
                Object v = values[k];
                json.writeFieldName(c.name());
                switch (c.type()) {
                    case TIME -> json.writeString(time((Long) v));
                    case TEXT -> json.writeString((String) v);
                    case LONG -> json.writeNumber((Long) v);
                    case DOUBLE -> {
                        double d = (Double) v;
                        if (Double.isNaN(d) || Double.isInfinite(d)) {
                            json.writeNull();
                        } else {
                            json.writeNumber(d);
                        }
                    }
                }
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            json.close();
        }
    }
}
