package dev.cascade.sim;

/** Fixed-decimal formatting for wire prices and sizes, quicker than String.format on the publishing path. */
final class Num {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Num() {
    }

    static String fixed(double v, int decimals) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, v, decimals);
        return sb.toString();
    }

    static StringBuilder append(StringBuilder sb, double v, int decimals) {
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        long scaled = Math.round(v * POW10[decimals]);
        long whole = scaled / POW10[decimals];
        sb.append(whole);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % POW10[decimals]);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    /** Price decimals by magnitude, as venues quote them. */
    static int priceDecimals(double price) {
        return price >= 10_000 ? 1 : price >= 1_000 ? 2 : price >= 10 ? 3 : 5;
    }
}
