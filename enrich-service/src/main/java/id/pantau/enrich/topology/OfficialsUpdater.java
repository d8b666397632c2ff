package id.pantau.enrich.topology;

import id.pantau.schemas.avro.Official;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Global-store processor of ref.officials: keeps the global store and the {@link OfficialDirectory}
 * in step. On init it loads what the store already holds (restored state). Not thread-safe; Kafka
 * Streams runs it on the global thread only.
 */
final class OfficialsUpdater implements Processor<String, Official, Void, Void> {

    private final OfficialDirectory directory;
    private final String storeName;
    private KeyValueStore<String, Official> store;

    OfficialsUpdater(OfficialDirectory directory, String storeName) {
        this.directory = directory;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        try (KeyValueIterator<String, Official> all = store.all()) {
            all.forEachRemaining(entry -> directory.update(entry.key, entry.value));
        }
    }

    @Override
    public void process(Record<String, Official> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        directory.update(record.key(), record.value());
    }
}
