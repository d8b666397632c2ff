package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import id.pantau.index.config.ConfigLoader;
import id.pantau.index.config.IndexConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index administration: installs the versioned index templates ({@code es/<index>.json}), creates
 * each versioned index behind its alias, and migrates an alias to a new mapping version by reindex
 * plus an atomic alias swap. Also a command line: {@code IndexAdmin ensure} or
 * {@code IndexAdmin migrate <alias> <new-index>}, each with optional {@code --config <file>}.
 * Thread-safe (stateless apart from the client).
 */
public final class IndexAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(IndexAdmin.class);

    private static final int COPY_BATCH = 500;
    private static final String SCROLL_KEEP_ALIVE = "2m";

    private final ElasticsearchClient es;

    public IndexAdmin(ElasticsearchClient es) {
        this.es = es;
    }

    /** Result of {@link #migrate}: the indices and how many documents each reindex pass copied. */
    public record Migration(String alias, String from, String to, long copied, long caughtUp) {}

    /** Makes sure the articles, alerts, deliveries and dead-letter marker aliases exist, each on its versioned index. */
    public void ensure(IndexConfig.Elasticsearch config) {
        ensure(config.articlesAlias(), config.articlesIndex());
        ensure(config.alertsAlias(), config.alertsIndex());
        ensure(config.deliveriesAlias(), config.deliveriesIndex());
        ensure(config.deadLettersAlias(), config.deadLettersIndex());
    }

    /** Installs the template of {@code index} and creates it behind {@code alias}, unless the alias exists. */
    public void ensure(String alias, String index) {
        try {
            putTemplate(index);
            if (es.indices().existsAlias(a -> a.name(alias)).value()) {
                return;
            }
            try {
                es.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
                LOG.info("index created index={} alias={}", index, alias);
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up index " + index + " behind alias " + alias, e);
        }
    }

    /**
     * Moves {@code alias} to {@code newIndex} (whose template {@code es/<newIndex>.json} must exist):
     * creates it, copies the documents with their external versions, swaps the alias in one atomic
     * request and copies once more to catch documents written to the old index in between. Versions make both
     * passes idempotent, so a failed migration can simply be run again.
     *
     * @throws IllegalStateException when the alias does not point to exactly one index
     */
    public Migration migrate(String alias, String newIndex) {
        try {
            Set<String> current = es.indices().getAlias(a -> a.name(alias)).result().keySet();
            if (current.size() != 1) {
                throw new IllegalStateException("alias " + alias + " must point to exactly one index, points to " + current);
            }
            String from = current.iterator().next();
            if (from.equals(newIndex)) {
                throw new IllegalStateException("alias " + alias + " already points to " + newIndex);
            }
            putTemplate(newIndex);
            if (!es.indices().exists(e -> e.index(newIndex)).value()) {
                es.indices().create(c -> c.index(newIndex));
            }
            long copied = reindex(from, newIndex);
            es.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                    .actions(a -> a.add(r -> r.index(newIndex).alias(alias).isWriteIndex(true))));
            long caughtUp = reindex(from, newIndex);
            LOG.info("alias migrated alias={} from={} to={} copied={} caughtUp={}", alias, from, newIndex, copied, caughtUp);
            return new Migration(alias, from, newIndex, copied, caughtUp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate alias " + alias + " to " + newIndex, e);
        }
    }

    /**
     * Copies every document of {@code from} into {@code to} keeping its version (scroll plus bulk with
     * {@code version_type=external}): a client-side reindex, because the local node's distribution
     * has no reindex module; it works on any node. Documents whose version {@code to} already has
     * or exceeds are skipped as conflicts. Returns how many documents were written.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private long reindex(String from, String to) throws IOException {
        long written = 0;
        // A scroll sees only refreshed documents: without this, writes of the last second would be left behind.
        es.indices().refresh(r -> r.index(from));
        SearchResponse<Map> page = es.search(s -> s.index(from).size(COPY_BATCH).version(true).scroll(t -> t.time(SCROLL_KEEP_ALIVE))
                .query(q -> q.matchAll(m -> m)), Map.class);
        String scrollId = page.scrollId();
        List<Hit<Map>> hits = page.hits().hits();
        try {
            while (!hits.isEmpty()) {
                List<BulkOperation> ops = new ArrayList<>();
                for (Hit<Map> hit : hits) {
                    Map<String, Object> source = hit.source();
                    long version = hit.version() == null ? 1 : hit.version();
                    ops.add(BulkOperation.of(b -> b.index(i -> i.index(to).id(hit.id()).version(version).versionType(VersionType.External)
                            .document(source))));
                }
                BulkResponse response = es.bulk(b -> b.operations(ops).refresh(Refresh.True));
                for (BulkResponseItem item : response.items()) {
                    ItemOutcome outcome = ItemOutcome.of(item);
                    if (outcome == ItemOutcome.INDEXED) {
                        written++;
                    } else if (outcome != ItemOutcome.CONFLICT) {
                        throw new IllegalStateException("copy " + from + " -> " + to + " failed for document " + item.id() + ": "
                                + (item.error() == null ? "status " + item.status() : item.error().reason()));
                    }
                }
                String id = scrollId;
                ScrollResponse<Map> next = es.scroll(s -> s.scrollId(id).scroll(t -> t.time(SCROLL_KEEP_ALIVE)), Map.class);
                scrollId = next.scrollId();
                hits = next.hits().hits();
            }
        } finally {
            if (scrollId != null) {
                String id = scrollId;
                es.clearScroll(c -> c.scrollId(id));
            }
        }
        return written;
    }

    private void putTemplate(String index) throws IOException {
        String resource = "/es/" + index + ".json";
        try (InputStream in = IndexAdmin.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no index template " + resource + " on the classpath for index " + index);
            }
            es.indices().putIndexTemplate(t -> t.name(index).withJson(in));
        }
    }

    /** Command line: {@code ensure} or {@code migrate <alias> <new-index>}, with optional {@code --config <file>}. */
    @SuppressWarnings("SystemOut") // a CLI prints its result
    public static void main(String[] args) throws Exception {
        List<String> words = positional(args);
        IndexConfig config = ConfigLoader.load(args, System.getenv());
        ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch());
        try {
            IndexAdmin admin = new IndexAdmin(es);
            if (words.size() == 1 && words.get(0).equals("ensure")) {
                admin.ensure(config.elasticsearch());
                System.out.println("ok: aliases " + config.elasticsearch().articlesAlias() + ", " + config.elasticsearch().alertsAlias()
                        + ", " + config.elasticsearch().deliveriesAlias() + " exist");
            } else if (words.size() == 3 && words.get(0).equals("migrate")) {
                System.out.println(admin.migrate(words.get(1), words.get(2)));
            } else {
                System.out.println("usage: IndexAdmin ensure | migrate <alias> <new-index>   [--config <file>]");
                System.exit(2);
            }
        } finally {
            es._transport().close();
        }
    }

    private static List<String> positional(String[] args) {
        ArrayList<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                i++;
            } else if (!args[i].startsWith("--")) {
                out.add(args[i]);
            }
        }
        return out;
    }
}
