package com.wallet.apiaccess.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded random cases for property tests in plain JUnit 5: a test runs {@link #forAll} over
 * {@link #cases}, the fixed edge cases first and then generated ones. Every generated case has
 * its own {@link Random}, derived from the run's seed and the case's number, so a run is the same every
 * time and {@code -Dproperties.seed=N} replays one ({@code -Dproperties.seed=random} picks a fresh seed).
 * A failing case reports the seed, the case and its value.
 */
public final class Seeded {

    public static final String SEED_PROPERTY = "properties.seed";
    public static final long DEFAULT_SEED = 20_240_611L;
    private static final long SEED = readSeed();

    /** Characters that tend to break parsers and writers: controls, quotes, separators, odd Unicode. */
    public static final String TROUBLE = "\u0000\u0001\u0008\t\n\u000b\f\r\u001b\u001f \"#%&'()*+,-./:;<=>?@[\\]^_`{|}~"
            + "\u007f\u0080\u0085\u009f\u00a0\u00e9\u00ff\u0130\u0131\u017f\u03a3\u0660\u2028\u2029\u212a\ufeff\uff10"
            + "\ufffd\ufffe\uffff";

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Seeded() {}

    public static long seed() {
        return SEED;
    }

    /** The fixed cases, then {@code tries} generated ones. */
    public static <T> Stream<Case<T>> cases(int tries, Function<Random, T> generator, List<T> fixed) {
        Stream<Case<T>> edges = IntStream.range(0, fixed.size())
                .mapToObj(i -> new Case<>("edge case " + (i + 1) + " of " + fixed.size(), fixed.get(i)));
        Stream<Case<T>> generated = IntStream.range(0, tries)
                .mapToObj(i -> new Case<>("random case " + (i + 1) + " of " + tries, generator.apply(random(i))));
        return Stream.concat(edges, generated);
    }

    /** The {@link Random} of the generated case {@code index}: the same for the same seed, whatever ran before. */
    public static Random random(int index) {
        long z = SEED + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** A length in [min, max], often at or near the bounds. */
    public static int length(Random random, int min, int max) {
        return switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            case 2, 3, 4 -> min + random.nextInt(Math.min(max - min, 16) + 1);
            default -> min + random.nextInt(max - min + 1);
        };
    }

    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    public static char pick(Random random, String chars) {
        return chars.charAt(random.nextInt(chars.length()));
    }

    /** {@code min} to {@code max} characters of {@code alphabet}. */
    public static String stringOf(Random random, String alphabet, int min, int max) {
        int length = length(random, min, max);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(pick(random, alphabet));
        }
        return s.toString();
    }

    /**
     * {@code min} to {@code max} chars (UTF-16 units, as {@link String#length()} counts) from all of Unicode:
     * printable ASCII, letters and digits, controls, {@link #TROUBLE}, any BMP character, supplementary
     * characters (surrogate pairs) and, when {@code loneSurrogates}, unpaired surrogates.
     */
    public static String string(Random random, int min, int max, boolean loneSurrogates) {
        int length = length(random, min, max);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            switch (random.nextInt(loneSurrogates ? 8 : 7)) {
                case 0 -> s.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> s.append(pick(random, ALNUM));
                case 2 -> s.append((char) random.nextInt(0x20));
                case 3 -> s.append(pick(random, TROUBLE));
                case 4, 5 -> {
                    char c = (char) random.nextInt(0x10000);
                    s.append(Character.isSurrogate(c) ? (char) (c - 0x1000) : c);
                }
                case 6 -> {
                    if (length - s.length() >= 2) {
                        s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    } else {
                        s.append(pick(random, ALNUM));
                    }
                }
                default -> s.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return s.toString();
    }

    /** Printable ASCII as is, {@code \} doubled, everything else as {@code \}{@code uXXXX}: readable and unambiguous. */
    public static String show(Object value) {
        String text = value instanceof byte[] bytes ? "bytes" + Arrays.toString(bytes) : String.valueOf(value);
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                s.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                s.append(c);
            } else {
                s.append(String.format("\\u%04x", (int) c));
            }
        }
        return s.toString();
    }

    /** All of {@code lists} in one list, for fixed cases built in groups. */
    @SafeVarargs
    public static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<? extends T> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /**
     * Runs the property on every case, one JUnit test for the whole property (thousands of reported
     * tests cost the build more than the cases themselves); the first failure names its case.
     */
    public static <T> void forAll(Stream<Case<T>> cases, Property<? super T> property) {
        cases.forEachOrdered(c -> c.check(property));
    }

    /** The property under test, given one case's value. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T value) throws Exception;
    }

    /** One case: where it came from (the display name) and its value. */
    public static final class Case<T> {

        private final String label;
        private final T value;

        private Case(String label, T value) {
            this.label = label;
            this.value = value;
        }

        public T value() {
            return value;
        }

        /** Runs the property on this case; a failure names the seed, the case and its value. */
        public void check(Property<? super T> property) {
            try {
                property.check(value);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(
                        "Property failed with seed " + SEED + " (replay: -D" + SEED_PROPERTY + "=" + SEED + "), "
                                + label + ": " + show(value) + "\n" + e,
                        e);
            }
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static long readSeed() {
        String value = System.getProperty(SEED_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        if (value.equalsIgnoreCase("random")) {
            long seed = new Random().nextLong();
            System.out.println("Property tests: -D" + SEED_PROPERTY + "=" + seed);
            return seed;
        }
        return Long.parseLong(value.trim());
    }
}
