package id.pantau.enrich.story;

import java.util.SplittableRandom;

/**
 * MinHash signatures and their LSH band keys. The hash functions come from a fixed seed, so every
 * instance (and every restart) computes the same signature for the same shingles. Immutable and
 * thread-safe.
 */
public final class MinHash {

    private static final long SEED = 0x70616e746175L; // "pantau"

    private final long[] multipliers;
    private final long[] offsets;
    private final int bands;
    private final int rows;

    /**
     * @param functions hash functions per signature
     * @param bands LSH bands; {@code functions} must be a multiple of it
     */
    public MinHash(int functions, int bands) {
        if (functions < 1 || bands < 1 || functions % bands != 0) {
            throw new IllegalArgumentException("MinHash: functions (" + functions + ") must be a positive multiple of bands (" + bands + ")");
        }
        SplittableRandom random = new SplittableRandom(SEED);
        this.multipliers = new long[functions];
        this.offsets = new long[functions];
        for (int i = 0; i < functions; i++) {
            multipliers[i] = random.nextLong() | 1L;
            offsets[i] = random.nextLong();
        }
        this.bands = bands;
        this.rows = functions / bands;
    }

    /** Signature of a shingle set: per function the minimum hash over all shingles. */
    public int[] signature(int[] shingles) {
        int[] signature = new int[multipliers.length];
        for (int f = 0; f < multipliers.length; f++) {
            long min = Long.MAX_VALUE;
            for (int shingle : shingles) {
                long h = (multipliers[f] * shingle + offsets[f]) >>> 32;
                if (h < min) {
                    min = h;
                }
            }
            signature[f] = (int) min;
        }
        return signature;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code "%02x:%08x"} of band and hash, without the cost of String.format on every band of every article. */
    static String bandKey(int band, int hash) {
        char[] key = new char[11];
        key[0] = HEX[(band >>> 4) & 0xf];
        key[1] = HEX[band & 0xf];
        key[2] = ':';
        for (int i = 0; i < 8; i++) {
            key[3 + i] = HEX[(hash >>> (28 - 4 * i)) & 0xf];
        }
        return new String(key);
    }

    /** One key per band: the band number and a hash of its rows, e.g. {@code "07:5f3a9c21"}. */
    public String[] bandKeys(int[] signature) {
        String[] keys = new String[bands];
        for (int b = 0; b < bands; b++) {
            int h = 17;
            for (int r = 0; r < rows; r++) {
                h = 31 * h + signature[b * rows + r];
            }
            keys[b] = bandKey(b, Shingles.mix(h));
        }
        return keys;
    }
}
