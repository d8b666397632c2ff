package id.pantau.ingest.extract.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Deterministic split of benchmark page ids into a development part and a held-out part: the ids
 * sorted by SHA-256 of {@code "pantau-holdout-v1:" + id}; the first {@code heldOut} are held out.
 * Rules are developed looking only at the development part.
 */
public record Split(Set<String> dev, Set<String> heldOut) {

    private static final String SALT = "pantau-holdout-v1:";

    public Split {
        dev = Set.copyOf(dev);
        heldOut = Set.copyOf(heldOut);
    }

    /** Holds out {@code heldOutCount} of {@code ids} (28 % of 111 pages is 31). */
    public static Split of(Collection<String> ids, int heldOutCount) {
        List<String> ordered = ids.stream().sorted(Comparator.comparing(Split::rank)).toList();
        int cut = Math.min(heldOutCount, ordered.size());
        return new Split(Set.copyOf(ordered.subList(cut, ordered.size())), Set.copyOf(ordered.subList(0, cut)));
    }

    /** Holds out 28 % of {@code ids}, rounded. */
    public static Split of(Collection<String> ids) {
        return of(ids, (int) Math.round(ids.size() * 0.28));
    }

    static String rank(String id) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((SALT + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The ids of {@code part}: "all", "dev" or "held-out". */
    public Set<String> part(String part) {
        return switch (part) {
            case "dev" -> dev;
            case "held-out" -> heldOut;
            case "all" -> Stream.concat(dev.stream(), heldOut.stream()).collect(Collectors.toSet());
            default -> throw new IllegalArgumentException("part must be all, dev or held-out, was " + part);
        };
    }
}
