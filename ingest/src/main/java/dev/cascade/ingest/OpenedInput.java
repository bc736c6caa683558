package dev.cascade.ingest;

/**
 * One readable part of an input file (a file, or one entry of a zip): its name, what it holds, and the
 * source to read it by, which is null for parts that have no events (metadata, empty, unknown).
 */
public record OpenedInput(String name, InputFormat format, String detail, FrameSource source) {
    public String description() {
        return detail == null ? format.description() : format.description() + " (" + detail + ")";
    }
}
