package dev.cascade.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests that scrape {@code /metrics} as
 * Prometheus would: every family declared by one {@code # TYPE} line (and at most one {@code # HELP}) before
 * its samples, every sample's name the family's or one of its type's suffixes ({@code _total} of a counter,
 * {@code _count}/{@code _sum} of a summary, ...), labels quoted and escaped, values numbers or NaN/+Inf/-Inf, and
 * no series twice. Anything else throws {@link IllegalArgumentException} naming the line.
 */
public final class PrometheusText {
    /** One metric family: its declared type and help, and its samples in order. */
    public record Family(String name, String type, String help, List<Sample> samples) {
        /** The value of the sample named {@code sample} with exactly these labels (name, value pairs). */
        public double value(String sample, String... labels) {
            Map<String, String> want = pairs(labels);
            return samples.stream().filter(s -> s.name().equals(sample) && s.labels().equals(want))
                    .mapToDouble(Sample::value).findFirst()
                    .orElseThrow(() -> new AssertionError("no sample " + sample + want + " in " + name));
        }
    }

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "summary", "histogram", "untyped");

    private PrometheusText() {
    }

    /** The families of {@code text}, by name, in order of appearance. */
    public static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Set<String> series = new java.util.HashSet<>();
        Family current = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("# HELP ")) {
                    String[] p = line.substring(7).split(" ", 2);
                    name(p[0]);
                    if (helps.put(p[0], p.length > 1 ? p[1] : "") != null) {
                        throw new IllegalArgumentException("a second HELP for " + p[0]);
                    }
                } else if (line.startsWith("# TYPE ")) {
                    String[] p = line.substring(7).split(" ");
                    if (p.length != 2 || !TYPES.contains(p[1])) {
                        throw new IllegalArgumentException("a TYPE line needs a name and one of " + TYPES);
                    }
                    name(p[0]);
                    if (families.containsKey(p[0])) {
                        throw new IllegalArgumentException("a second TYPE for " + p[0]);
                    }
                    current = new Family(p[0], p[1], null, new ArrayList<>());
                    families.put(p[0], current);
                } else if (line.startsWith("#")) {
                    continue; // a comment
                } else {
                    Sample s = sample(line);
                    if (current == null || !belongs(s.name(), current)) {
                        throw new IllegalArgumentException("sample " + s.name() + " outside its family's TYPE");
                    }
                    if (!series.add(s.name() + new java.util.TreeMap<>(s.labels()))) {
                        throw new IllegalArgumentException("a second sample of " + s.name() + s.labels());
                    }
                    current.samples().add(s);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + n + " (" + line + "): " + e.getMessage(), e);
            }
        }
        Map<String, Family> out = new LinkedHashMap<>();
        families.forEach((k, f) -> out.put(k, new Family(k, f.type(), helps.get(k), List.copyOf(f.samples()))));
        return out;
    }

    private static boolean belongs(String sample, Family f) {
        if (sample.equals(f.name())) {
            return !f.type().equals("histogram");
        }
        String suffix = sample.startsWith(f.name()) ? sample.substring(f.name().length()) : null;
        if (suffix == null) {
            return false;
        }
        return switch (f.type()) {
            case "counter" -> suffix.equals("_total") || suffix.equals("_created");
            case "summary" -> suffix.equals("_count") || suffix.equals("_sum") || suffix.equals("_created");
            case "histogram" -> suffix.equals("_bucket") || suffix.equals("_count") || suffix.equals("_sum")
                    || suffix.equals("_created");
            default -> false;
        };
    }

    private static Sample sample(String line) {
        Matcher m = NAME.matcher(line);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("no metric name");
        }
        String name = m.group();
        int i = m.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                Matcher l = LABEL_NAME.matcher(line).region(i, line.length());
                if (!l.lookingAt() || line.charAt(l.end()) != '=' || line.charAt(l.end() + 1) != '"') {
                    throw new IllegalArgumentException("bad label at column " + i);
                }
                StringBuilder v = new StringBuilder();
                int j = l.end() + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char e = line.charAt(++j);
                        v.append(switch (e) {
                            case 'n' -> '\n';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            default -> throw new IllegalArgumentException("bad escape \\" + e);
                        });
                    } else {
                        v.append(c);
                    }
                }
                if (labels.put(l.group(), v.toString()) != null) {
                    throw new IllegalArgumentException("label " + l.group() + " twice");
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(i).trim().split(" ");
        if (!line.startsWith(" ", i) || rest.length < 1 || rest.length > 2) {
            throw new IllegalArgumentException("a value (and an optional timestamp) must follow one space");
        }
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        return new Sample(name, Map.copyOf(labels), value(rest[0]));
    }

    private static double value(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!v.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                    throw new IllegalArgumentException("not a number: " + v);
                }
                yield Double.parseDouble(v);
            }
        };
    }

    private static void name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
    }

    private static Map<String, String> pairs(String... labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        return Map.copyOf(m);
    }
}
