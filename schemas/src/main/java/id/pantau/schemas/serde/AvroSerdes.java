package id.pantau.schemas.serde;

import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.Official;
import id.pantau.schemas.avro.RawArticle;
import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.SeenArticle;

/** Factories of the single-object Avro serdes, one per record type. */
public final class AvroSerdes {

    private AvroSerdes() {}

    public static SingleObjectAvroSerde<RawArticle> rawArticle() {
        return new SingleObjectAvroSerde<>(RawArticle.getClassSchema());
    }

    public static SingleObjectAvroSerde<EnrichedArticle> enrichedArticle() {
        return new SingleObjectAvroSerde<>(EnrichedArticle.getClassSchema());
    }

    public static SingleObjectAvroSerde<Alert> alert() {
        return new SingleObjectAvroSerde<>(Alert.getClassSchema());
    }

    public static SingleObjectAvroSerde<Official> official() {
        return new SingleObjectAvroSerde<>(Official.getClassSchema());
    }

    public static SingleObjectAvroSerde<Region> region() {
        return new SingleObjectAvroSerde<>(Region.getClassSchema());
    }

    public static SingleObjectAvroSerde<CrawlRequest> crawlRequest() {
        return new SingleObjectAvroSerde<>(CrawlRequest.getClassSchema());
    }

    public static SingleObjectAvroSerde<SeenArticle> seenArticle() {
        return new SingleObjectAvroSerde<>(SeenArticle.getClassSchema());
    }
}
