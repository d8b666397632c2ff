package id.pantau.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.schemas.avro.CrawlRequest;
import id.pantau.schemas.avro.RawArticle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class SingleObjectAvroSerdeTest {

    private final SingleObjectAvroSerde<RawArticle> serde = AvroSerdes.rawArticle();

    @Test
    void shouldRoundTripARecord() {
        RawArticle article = Records.rawArticle();

        byte[] bytes = serde.serialize("news.articles.raw", article);

        assertThat(bytes).startsWith((byte) 0xC3, (byte) 0x01);
        assertThat(serde.deserialize("news.articles.raw", bytes)).isEqualTo(article);
    }

    @Test
    void shouldWriteTheCrc64FingerprintOfTheSchemaAfterTheMarker() {
        byte[] bytes = serde.serialize("t", Records.rawArticle());

        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(RawArticle.getClassSchema()));
    }

    @Test
    void shouldDecodeARecordWrittenWithTheReleasedSchema() throws Exception {
        Schema released = SchemaHistory.releasedVersions("RawArticle").get(0);
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        GenericRecord old = new GenericData.Record(released);
        RawArticle current = Records.rawArticle();
        for (Schema.Field field : released.getFields()) {
            old.put(field.name(), model.deepCopy(field.schema(), current.get(field.name())));
        }
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(model, released).encode(old);

        RawArticle decoded = serde.deserialize("news.articles.raw", toArray(encoded));

        assertThat(decoded.getTitle()).isEqualTo(current.getTitle());
        assertThat(decoded.getBodyParagraphs()).isEqualTo(current.getBodyParagraphs());
    }

    // issue #3: crawl requests queued before requests carried a revisit flag are new-article requests
    @Test
    void shouldReadACrawlRequestOfTheFirstReleaseAsNoRevisit() throws Exception {
        Schema first = SchemaHistory.releasedVersions("CrawlRequest").get(0);
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        GenericRecord old = new GenericData.Record(first);
        old.put("url", "https://pontianak.tribunnews.com/2024/11/19/berita-1");
        old.put("outletId", "tribun-pontianak");
        old.put("kind", new GenericData.EnumSymbol(first.getField("kind").schema(), "ARTICLE"));
        old.put("discoveredAt", Instant.parse("2024-11-19T12:00:00Z"));
        old.put("attempt", 0);
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(model, first).encode(old);

        CrawlRequest decoded = AvroSerdes.crawlRequest().deserialize("ingest.crawl.requests", toArray(encoded));

        assertThat(decoded.getUrl()).isEqualTo("https://pontianak.tribunnews.com/2024/11/19/berita-1");
        assertThat(decoded.getRevisit()).isFalse();
    }

    @Test
    void shouldRejectEmptyPayload() {
        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", new byte[0]))
                .isInstanceOfSatisfying(PayloadDecodingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PayloadDecodingException.Reason.EMPTY);
                    assertThat(e.topic()).isEqualTo("news.articles.raw");
                })
                .hasMessage("cannot decode id.pantau.schemas.avro.RawArticle from topic news.articles.raw: EMPTY (no bytes)");
    }

    @Test
    void shouldRejectPayloadWithoutTheSingleObjectMarker() {
        byte[] json = "{\"title\":\"bukan avro\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", json))
                .isInstanceOfSatisfying(PayloadDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PayloadDecodingException.Reason.BAD_HEADER));
    }

    @Test
    void shouldRejectPayloadOfAnUnknownSchema() throws Exception {
        Schema stranger = SchemaBuilder.record("Stranger").namespace("elsewhere").fields().requiredString("x").endRecord();
        GenericRecord record = new GenericData.Record(stranger);
        record.put("x", "y");
        byte[] bytes = toArray(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger).encode(record));

        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", bytes))
                .isInstanceOfSatisfying(PayloadDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PayloadDecodingException.Reason.UNKNOWN_SCHEMA));
    }

    @Test
    void shouldRejectATruncatedBody() {
        byte[] bytes = serde.serialize("t", Records.rawArticle());
        byte[] truncated = Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", truncated))
                .isInstanceOfSatisfying(PayloadDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PayloadDecodingException.Reason.CORRUPT_BODY));
    }

    @Test
    void shouldRejectGarbageAfterAValidHeaderWithoutRunningOutOfMemory() {
        byte[] bytes = serde.serialize("t", Records.rawArticle());
        byte[] garbage = Arrays.copyOf(bytes, 40);
        Arrays.fill(garbage, 10, 40, (byte) 0xFF);

        assertThatThrownBy(() -> serde.deserialize("news.articles.raw", garbage))
                .isInstanceOfSatisfying(PayloadDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(PayloadDecodingException.Reason.CORRUPT_BODY));
    }

    @Test
    void shouldPassNullThroughAsTombstone() {
        assertThat(serde.serialize("ref.officials", null)).isNull();
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
