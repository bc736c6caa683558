package dev.cascade.ingest;

import dev.cascade.venues.FrameKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the readers did with their input: items read, what they were, files and bytes. Not thread-safe. */
public final class ReadStats {
    /**
     * An input that could not be read to its end (a corrupt or truncated archive): its name and why. What was
     * read of it before the damage counts; the other inputs are not affected.
     */
    public record Damage(String input, String reason) {
    }

    private final List<Damage> damaged = new ArrayList<>();
    private long files;
    private long items;
    private long data;
    private long control;
    private long ignored;
    private long rejected;
    private long instrumentsLoaded;
    private long blankLines;

    void countFile() {
        files++;
    }

    void count(FrameKind kind) {
        items++;
        switch (kind) {
            case DATA -> data++;
            case CONTROL -> control++;
            case IGNORED -> ignored++;
            case REJECTED -> rejected++;
        }
    }

    void damage(String input, String reason) {
        damaged.add(new Damage(input, reason));
    }

    /** The damaged inputs, in the order the damage was found. */
    public List<Damage> damaged() {
        return Collections.unmodifiableList(damaged);
    }

    void countBlankLine() {
        blankLines++;
    }

    void countInstruments(int n) {
        instrumentsLoaded += n;
    }

    /** Inputs opened: files, and entries of zip files. */
    public long files() {
        return files;
    }

    /**
     * Lines, frames and rows read (headers and blank lines excepted): {@link #data()} + {@link #control()} +
     * {@link #ignored()} + {@link #rejected()}.
     */
    public long items() {
        return items;
    }

    public long data() {
        return data;
    }

    public long control() {
        return control;
    }

    public long ignored() {
        return ignored;
    }

    /**
     * Items with at least one rejection: a whole line, frame or row rejected, or a frame some of whose entries
     * were (a Binance mark price array with one bad symbol). The rejections themselves, one per entry and with
     * their reasons, are counted by the pipeline's listener, so that figure is at least this one.
     */
    public long rejected() {
        return rejected;
    }

    /** Blank lines skipped: counted, never rejected. */
    public long blankLines() {
        return blankLines;
    }

    public long instrumentsLoaded() {
        return instrumentsLoaded;
    }
}
