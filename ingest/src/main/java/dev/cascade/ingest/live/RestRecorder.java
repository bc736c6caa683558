package dev.cascade.ingest.live;

import dev.cascade.model.Venue;

/** Keeps REST responses with the frames they explain: instrument metadata, and backfills. */
public interface RestRecorder {
    RestRecorder NONE = new RestRecorder() {
        @Override
        public void metadata(Venue venue, String path, long receiveMicros, byte[] body) {
        }

        @Override
        public void rest(Venue venue, String path, long receiveMicros, byte[] body) {
        }
    };

    /** An instrument list: every recording file starts with the latest one of each venue. */
    void metadata(Venue venue, String path, long receiveMicros, byte[] body);

    /** Any other response (a backfill page), recorded once where it happened. */
    void rest(Venue venue, String path, long receiveMicros, byte[] body);
}
