package dev.cascade.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.MarketListener;
import dev.cascade.model.Reject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeMergeTest {

    /** A source of given times that reports each emitted time as a rejection ordinal stand-in. */
    private static final class Times implements FrameSource {
        private final String name;
        private final long[] times;
        private final List<String> log;
        private int i = -1;

        Times(String name, List<String> log, long... times) {
            this.name = name;
            this.times = times;
            this.log = log;
        }

        @Override
        public boolean advance() {
            return ++i < times.length;
        }

        @Override
        public long time() {
            return times[i];
        }

        @Override
        public void emit(MarketListener out) {
            log.add(name + times[i]);
            out.onReject(Reject.UNKNOWN_MESSAGE);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void shouldEmitSeveralSourcesInTimeOrderWithTiesToTheFirstListed() {
        List<String> log = new ArrayList<>();
        long items = TimeMerge.run(List.of(new Times("a", log, 1, 5, 9), new Times("b", log, 2, 5, 6, 20),
                new Times("c", log), new Times("d", log, 0)), new MarketListener() { }, n -> { });
        assertThat(log).containsExactly("d0", "a1", "b2", "a5", "b5", "b6", "a9", "b20");
        assertThat(items).isEqualTo(8);
    }

    @Test
    void shouldKeepASourcesOwnOrderEvenWhenItIsNotSorted() {
        List<String> log = new ArrayList<>();
        TimeMerge.run(List.of(new Times("a", log, 10, 3, 4)), new MarketListener() { }, n -> { });
        assertThat(log).containsExactly("a10", "a3", "a4");
    }
}
