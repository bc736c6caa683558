package dev.cascade.report;

import java.util.ArrayList;
import java.util.List;

/** Axis ticks at round values (1, 2 or 5 times a power of ten), about as many as asked for. */
final class Ticks {
    private Ticks() {
    }

    static List<Double> nice(double lo, double hi, int about) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            return out;
        }
        double raw = (hi - lo) / Math.max(1, about);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
            out.add(Math.rint(v / step) * step);
        }
        return out;
    }
}
