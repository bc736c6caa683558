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

    void countInstruments(int n) {
        instrumentsLoaded += n;
    }

    /** Inputs opened: files, and entries of zip files. */
    public long files() {
        return files;
    }

    /** Lines, frames and rows read (headers and blank lines excepted). */
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

    public long rejected() {
        return rejected;
    }

    public long instrumentsLoaded() {
        return instrumentsLoaded;
    }
}
