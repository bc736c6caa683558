package dev.cascade.analytics.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RecentKeysTest {

    @Test
    void shouldReportRepeatsAndForgetTheOldestBeyondCapacity() {
        RecentKeys keys = new RecentKeys(4);
        assertThat(keys.add(1)).isTrue();
        assertThat(keys.add(1)).isFalse();
        assertThat(keys.add(0)).isTrue();
        assertThat(keys.add(0)).isFalse();
        keys.add(2);
        keys.add(3);
        keys.add(4); // evicts 1
        assertThat(keys.contains(1)).isFalse();
        assertThat(keys.contains(4)).isTrue();
        assertThat(keys.size()).isEqualTo(4);
    }

    /** Against a model: a HashSet plus a FIFO queue of the last capacity insertions. */
    @Property(tries = 100)
    void shouldBehaveLikeAFifoBoundedSet(@ForAll @Size(max = 3000) List<@LongRange(min = -50, max = 400) Long> ops) {
        behaveLikeAFifoBoundedSet(new RecentKeys(64), ops);
    }

    /** Starting at 2 and doubling as keys come changes nothing but memory. */
    @Property(tries = 100)
    void shouldBehaveTheSameWhenGrowingToItsCapacity(@ForAll @Size(max = 3000) List<@LongRange(min = -50, max = 400) Long> ops) {
        behaveLikeAFifoBoundedSet(new RecentKeys(2, 64), ops);
    }

    private static void behaveLikeAFifoBoundedSet(RecentKeys keys, List<Long> ops) {
        Set<Long> model = new HashSet<>();
        ArrayDeque<Long> order = new ArrayDeque<>();
        for (long k : ops) {
            boolean expected = !model.contains(k);
            if (expected) {
                if (order.size() == 64) {
                    model.remove(order.removeFirst());
                }
                model.add(k);
                order.addLast(k);
            }
            assertThat(keys.add(k)).isEqualTo(expected);
            assertThat(keys.size()).isEqualTo(model.size());
        }
        for (long k = -50; k <= 400; k++) {
            assertThat(keys.contains(k)).isEqualTo(model.contains(k));
        }
    }
}
