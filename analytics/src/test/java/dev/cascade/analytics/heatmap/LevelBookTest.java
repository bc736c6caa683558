package dev.cascade.analytics.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LevelBookTest {
    @Test
    void shouldPlaceLevelsNearItsPriceAndCountThoseBeyondItsSpan() {
        LevelBook book = new LevelBook(0.1, 105_000);
        book.add(book.bucketOf(95_000), 1_000);
        book.add(book.bucketOf(1.0), 500);      // a level of a bad print: 11,600 buckets away
        book.add(book.bucketOf(1e300), 500);
        book.add(book.bucketOf(0), 500);        // log(0): the lowest bucket there is

        assertThat(book.total()).isCloseTo(1_000, within(1e-9));
        assertThat(book.refused()).isEqualTo(3);
        assertThat(book.high() - book.low() + 1).isLessThanOrEqualTo(LevelBook.MAX_BUCKETS);
        assertThat(book.at(book.bucketOf(95_000))).isCloseTo(1_000, within(1e-9));
    }
}
