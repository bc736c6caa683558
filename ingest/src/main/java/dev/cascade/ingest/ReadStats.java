package dev.cascade.ingest;

import dev.cascade.venues.FrameKind;

/** What the readers did with their input: items read, what they were, files and bytes. Not thread-safe. */
public final class ReadStats {
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
