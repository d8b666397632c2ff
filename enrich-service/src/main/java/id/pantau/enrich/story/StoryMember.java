package id.pantau.enrich.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the story store keeps per article: its story cluster, its shingle set (to verify LSH
 * candidates by exact Jaccard similarity) and the regencies and cities it is about (two press
 * releases worded alike about two places are two events). Immutable; {@link #toBytes()} /
 * {@link #fromBytes} give the changelogged form, which reads members written before places were kept
 * as having none.
 *
 * @param clusterId story cluster id
 * @param shingles sorted distinct shingle hashes
 * @param places sorted distinct regency and city codes; empty when the article names none
 */
public record StoryMember(String clusterId, int[] shingles, String[] places) {

    public StoryMember {
        Objects.requireNonNull(clusterId, "clusterId");
        shingles = shingles.clone();
        places = places.clone();
    }

    public StoryMember(String clusterId, int[] shingles) {
        this(clusterId, shingles, new String[0]);
    }

    @Override
    public String[] places() {
        return places.clone();
    }

    /**
     * Whether this member and an article about {@code otherPlaces} may be one story: when either names
     * no regency or city, or they share one.
     */
    public boolean mayShareStoryWith(String[] otherPlaces) {
        if (places.length == 0 || otherPlaces.length == 0) {
            return true;
        }
        for (String place : otherPlaces) {
            if (Arrays.binarySearch(places, place) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int[] shingles() {
        return shingles.clone();
    }

    /** Similarity of this member's shingles to {@code other}. */
    public double similarity(int[] other) {
        return Shingles.jaccard(shingles, other);
    }

    public byte[] toBytes() {
        byte[] id = clusterId.getBytes(StandardCharsets.UTF_8);
        byte[][] codes = new byte[places.length][];
        int placeBytes = 4;
        for (int i = 0; i < places.length; i++) {
            codes[i] = places[i].getBytes(StandardCharsets.UTF_8);
            placeBytes += 4 + codes[i].length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + id.length + 4 + 4 * shingles.length + placeBytes);
        buffer.putInt(id.length).put(id).putInt(shingles.length);
        for (int shingle : shingles) {
            buffer.putInt(shingle);
        }
        buffer.putInt(codes.length);
        for (byte[] code : codes) {
            buffer.putInt(code.length).put(code);
        }
        return buffer.array();
    }

    public static StoryMember fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] id = new byte[buffer.getInt()];
        buffer.get(id);
        int[] shingles = new int[buffer.getInt()];
        for (int i = 0; i < shingles.length; i++) {
            shingles[i] = buffer.getInt();
        }
        String[] places = new String[buffer.hasRemaining() ? buffer.getInt() : 0]; // none in the first form
        for (int i = 0; i < places.length; i++) {
            byte[] code = new byte[buffer.getInt()];
            buffer.get(code);
            places[i] = new String(code, StandardCharsets.UTF_8);
        }
        return new StoryMember(new String(id, StandardCharsets.UTF_8), shingles, places);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof StoryMember other && clusterId.equals(other.clusterId) && Arrays.equals(shingles, other.shingles)
                && Arrays.equals(places, other.places);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * clusterId.hashCode() + Arrays.hashCode(shingles)) + Arrays.hashCode(places);
    }

    @Override
    public String toString() {
        return "StoryMember[clusterId=" + clusterId + ", shingles=" + shingles.length + ", places=" + Arrays.toString(places) + "]";
    }
}
