package dev.cascade.model;

/**
 * Why an input line, frame, row or file was not turned into events. Rejections are counted by reason and
 * reported; they never stop a replay or a feed.
 */
public enum Reject {
    MALFORMED_JSON("malformed-json"),
    BINARY_DATA("binary-data"),
    LINE_TOO_LONG("line-too-long"),
    MALFORMED_CSV("malformed-csv"),
    MISSING_FIELD("missing-field"),
    WRONG_TYPE("wrong-type"),
    NOT_A_NUMBER("not-a-number"),
    NON_POSITIVE_SIZE("non-positive-size"),
    NON_POSITIVE_PRICE("non-positive-price"),
    BAD_TIMESTAMP("bad-timestamp"),
    /** A value beyond the magnitude bounds of its field kind (see {@link Checks}). */
    IMPLAUSIBLE_PRICE("implausible-price"),
    IMPLAUSIBLE_SIZE("implausible-size"),
    IMPLAUSIBLE_VALUE("implausible-value"),
    IMPLAUSIBLE_FUNDING("implausible-funding"),
    /** An event time later than the input's own clock allows (receive time, or the file's time). */
    IMPLAUSIBLE_TIME("implausible-time"),
    BAD_SIDE("bad-side"),
    UNFILLED_ORDER("unfilled-order"),
    UNKNOWN_INSTRUMENT("unknown-instrument"),
    /** An event of one more instrument than the aggregators follow (made-up symbols, by the thousand). */
    TOO_MANY_INSTRUMENTS("too-many-instruments"),
    UNSUPPORTED_INSTRUMENT("unsupported-instrument"),
    NON_USD_QUOTE("non-usd-quote"),
    UNKNOWN_MESSAGE("unknown-message"),
    UNSUPPORTED_VENUE("unsupported-venue"),
    BAD_METADATA("bad-metadata"),
    BAD_OVERVIEW("bad-overview"),
    EMPTY_FILE("empty-file"),
    TRUNCATED_FILE("truncated-file"),
    /** A compressed file or zip whose data or structure is broken (a flipped byte, a zip without its end record). */
    CORRUPT_ARCHIVE("corrupt-archive"),
    UNKNOWN_FORMAT("unknown-format"),
    /** A Kafka record that is not a Cascade event record of a known version. */
    MALFORMED_RECORD("malformed-record");

    private final String id;

    Reject(String id) {
        this.id = id;
    }

    /** The stable id used in output, e.g. "non-positive-size". */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
