package id.pantau.enrich.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the story store keeps per article: its story cluster and its shingle set (to verify LSH
 * candidates by exact Jaccard similarity). Immutable; {@link #toBytes()} / {@link #fromBytes} give
 * the changelogged form.
 *
 * @param clusterId story cluster id
 * @param shingles sorted distinct shingle hashes
 */
public record StoryMember(String clusterId, int[] shingles) {

    public StoryMember {
        Objects.requireNonNull(clusterId, "clusterId");
        shingles = shingles.clone();
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
        ByteBuffer buffer = ByteBuffer.allocate(4 + id.length + 4 + 4 * shingles.length);
        buffer.putInt(id.length).put(id).putInt(shingles.length);
        for (int shingle : shingles) {
            buffer.putInt(shingle);
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
        return new StoryMember(new String(id, StandardCharsets.UTF_8), shingles);
    }

    @Override
    public boolean equals(@org.jspecify.annotations.Nullable Object o) {
        return o instanceof StoryMember other && clusterId.equals(other.clusterId) && Arrays.equals(shingles, other.shingles);
    }

    @Override
    public int hashCode() {
        return 31 * clusterId.hashCode() + Arrays.hashCode(shingles);
    }

    @Override
    public String toString() {
        return "StoryMember[clusterId=" + clusterId + ", shingles=" + shingles.length + "]";
    }
}
