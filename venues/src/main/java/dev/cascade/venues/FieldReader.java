package dev.cascade.venues;

import dev.cascade.model.Micros;
import dev.cascade.model.Reject;
import dev.cascade.venues.codec.Ascii;
import dev.cascade.venues.codec.CsvRow;
import dev.cascade.venues.codec.JsonTape;

/**
 * Reads required fields and remembers the first problem, so a decoder reads everything it needs and then
 * checks once: missing, wrong type and not-a-number are told apart without allocation.
 */
public final class FieldReader {
    private Reject problem;

    public FieldReader reset() {
        problem = null;
        return this;
    }

    /** The first problem since {@link #reset()}, or null. */
    public Reject problem() {
        return problem;
    }

    public double number(JsonTape t, int tok) {
        double v = t.number(tok);
        if (v != v && problem == null) {
            problem = t.numberProblem(tok);
        }
        return v;
    }

    public long integer(JsonTape t, int tok) {
        long v = t.integer(tok);
        if (v == Ascii.NOT_A_LONG && problem == null) {
            problem = t.numberProblem(tok);
        }
        return v;
    }

    /** A millisecond time field as microseconds; a missing or implausible time is a problem. */
    public long millis(JsonTape t, int tok) {
        long v = t.integer(tok);
        if (v == Ascii.NOT_A_LONG) {
            if (problem == null) {
                problem = t.numberProblem(tok) == Reject.MISSING_FIELD ? Reject.MISSING_FIELD : Reject.BAD_TIMESTAMP;
            }
            return Long.MIN_VALUE;
        }
        return micros(Micros.ofMillis(v));
    }

    public double number(CsvRow row, int field) {
        double v = row.number(field);
        if (v != v && problem == null) {
            problem = row.isEmpty(field) ? Reject.MISSING_FIELD : Reject.NOT_A_NUMBER;
        }
        return v;
    }

    /** A CSV time field in the given unit (microseconds per unit) as microseconds. */
    public long time(CsvRow row, int field, long microsPerUnit) {
        long v = row.integer(field);
        if (v == Ascii.NOT_A_LONG) {
            if (problem == null) {
                problem = row.isEmpty(field) ? Reject.MISSING_FIELD : Reject.BAD_TIMESTAMP;
            }
            return Long.MIN_VALUE;
        }
        return micros(v * microsPerUnit);
    }

    private long micros(long micros) {
        if (!Micros.isPlausible(micros) && problem == null) {
            problem = Reject.BAD_TIMESTAMP;
        }
        return micros;
    }

    /** Records a problem found by the decoder itself (bad side, unknown instrument); null is no problem. */
    public void fail(Reject reason) {
        if (problem == null) {
            problem = reason;
        }
    }
}
