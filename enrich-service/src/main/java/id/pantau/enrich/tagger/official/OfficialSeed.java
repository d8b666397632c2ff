package id.pantau.enrich.tagger.official;

import id.pantau.schemas.avro.Official;
import java.util.List;

/** The officials file shipped with the service ({@code officials-seed.yaml}). */
public final class OfficialSeed {

    private OfficialSeed() {}

    public static List<Official> loadDefault() {
        return List.of();
    }
}
