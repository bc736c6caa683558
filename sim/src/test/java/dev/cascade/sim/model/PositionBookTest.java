package dev.cascade.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.Venue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The book against a plain list of positions: what leaves, in which order, whatever renumbering the book did to
 * keep its columns near the size of the open book.
 */
class PositionBookTest {
    private static final long T0 = 1_749_081_600_000L;

    /** One position of the reference: a list searched in full, no heaps, no numbers. */
    private record Open(double quantity, boolean isLong, double trigger, long closeMinute, Venue venue) {
    }

    @Test
    void shouldLetTheSamePositionsLeaveInTheSameOrderAsAPlainList() {
        PositionBook book = new PositionBook(T0);
        List<Open> reference = new ArrayList<>();
        List<String> fromBook = new ArrayList<>();
        List<String> fromReference = new ArrayList<>();
        Random random = new Random(7);
        double price = 100;
        long opened = 0;
        int maxOpen = 0;
        for (long t = T0; t < T0 + 6 * 3_600_000L; t += 1_000) {
            // a price that wanders, so both sides' triggers are reached now and then
            price *= Math.exp(0.002 * random.nextGaussian());
            double low = price * (1 - 0.001 * random.nextDouble());
            double high = price * (1 + 0.001 * random.nextDouble());
            book.trigger(low, high, 20, (b, i) -> fromBook.add(b.isLong(i) + " " + b.quantity(i) + " " + b.trigger(i)
                    + " " + b.venue(i)));
            triggerReference(reference, low, high, 20, fromReference);
            for (int k = random.nextInt(12); k > 0; k--) {
                boolean isLong = random.nextBoolean();
                double trigger = price * (isLong ? 1 - 0.02 * random.nextDouble() : 1 + 0.02 * random.nextDouble());
                double quantity = 1 + random.nextDouble(); // distinct: the position's identity in both lists
                long closes = t + (long) (random.nextDouble() * 1_800_000);
                Venue venue = Venue.values()[random.nextInt(Venue.values().length)];
                book.open(venue, isLong, quantity, trigger, trigger, false, closes);
                reference.add(new Open(quantity, isLong, trigger, Math.floorDiv(closes, 60_000L), venue));
                opened++;
            }
            book.closeUntil(t);
            long last = Math.floorDiv(t, 60_000L) - 1;
            reference.removeIf(p -> p.closeMinute() <= last);
            assertThat(book.size()).as("open at %d", t).isEqualTo(reference.size());
            maxOpen = Math.max(maxOpen, reference.size());
        }
        assertThat(fromBook).hasSizeGreaterThan(10_000).isEqualTo(fromReference);
        assertThat(book.openQuantity()).isCloseTo(reference.stream().mapToDouble(Open::quantity).sum(),
                org.assertj.core.api.Assertions.within(1e-6));
        // over a hundred thousand positions opened, a few thousand open at once: the columns follow the latter
        assertThat(opened).isGreaterThan(100_000);
        assertThat(book.capacity()).isLessThanOrEqualTo(Math.max(1 << 12, 4 * maxOpen));
    }

    /** The book's rule: the most exposed first, at most {@code max} a side, longs reached by the low, shorts by the high. */
    private static void triggerReference(List<Open> open, double low, double high, int max, List<String> out) {
        List<Open> longs = open.stream().filter(p -> p.isLong() && p.trigger() >= low)
                .sorted(Comparator.comparingDouble(Open::trigger).reversed()).limit(max).toList();
        List<Open> shorts = open.stream().filter(p -> !p.isLong() && p.trigger() <= high)
                .sorted(Comparator.comparingDouble(Open::trigger)).limit(max).toList();
        for (Open p : longs) {
            out.add(true + " " + p.quantity() + " " + p.trigger() + " " + p.venue());
            open.remove(p);
        }
        for (Open p : shorts) {
            out.add(false + " " + p.quantity() + " " + p.trigger() + " " + p.venue());
            open.remove(p);
        }
    }
}
