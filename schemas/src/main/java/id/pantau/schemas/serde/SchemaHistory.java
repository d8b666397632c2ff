package id.pantau.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The released versions of each record schema, kept as {@code schema-history/<Name>/v<N>.avsc} on the
 * classpath. Readers register them so that records written by any earlier release still decode, and
 * the compatibility test checks every change against the last one.
 */
public final class SchemaHistory {

    private static final String ROOT = "schema-history/";

    private SchemaHistory() {}

    /** Released versions of {@code simpleName}, oldest first; empty when it was never released. */
    public static List<Schema> releasedVersions(String simpleName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = ROOT + simpleName + "/v" + version + ".avsc";
            try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read released schema " + resource, e);
            }
        }
    }
}
