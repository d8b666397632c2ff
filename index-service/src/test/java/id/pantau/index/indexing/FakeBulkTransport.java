package id.pantau.index.indexing;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.ExistsRequest;
import co.elastic.clients.transport.endpoints.BooleanResponse;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.elasticsearch.client.RequestOptions;
import org.jspecify.annotations.Nullable;

/**
 * A transport that answers bulk requests from a function and counts them, and document-exists
 * requests from a set of ids when given one; for bulk logic tests.
 */
final class FakeBulkTransport implements ElasticsearchTransport {

    private final Function<BulkRequest, CompletableFuture<BulkResponse>> responder;
    private final @Nullable Set<String> existing;
    private final AtomicInteger requests = new AtomicInteger();
    private final JsonpMapper mapper = new JacksonJsonpMapper();

    FakeBulkTransport(Function<BulkRequest, CompletableFuture<BulkResponse>> responder) {
        this(responder, null);
    }

    /** Also answers {@code exists} for the ids in {@code existing} (true) and any other id (false). */
    FakeBulkTransport(Function<BulkRequest, CompletableFuture<BulkResponse>> responder, @Nullable Set<String> existing) {
        this.responder = responder;
        this.existing = existing;
    }

    int requests() {
        return requests.get();
    }

    /** A response with one item per operation, its status chosen by {@code statusOf(id)}. */
    static BulkResponse respond(BulkRequest request, Function<String, Integer> statusOf) {
        List<BulkResponseItem> items = new ArrayList<>();
        for (BulkOperation op : request.operations()) {
            String id = op.isIndex() ? op.index().id() : op.create().id();
            int status = statusOf.apply(id);
            items.add(BulkResponseItem.of(i -> {
                i.operationType(op.isIndex() ? OperationType.Index : OperationType.Create).index("articles-v1").id(id).status(status);
                if (status >= 300) {
                    i.error(e -> e.type(status == 409 ? "version_conflict_engine_exception" : status == 429 ? "es_rejected_execution_exception"
                            : "document_parsing_exception").reason("test reason for " + id));
                } else {
                    i.result("created");
                }
                return i;
            }));
        }
        return BulkResponse.of(r -> r.items(items).errors(items.stream().anyMatch(i -> i.error() != null)).took(1));
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint,
            TransportOptions options) throws IOException {
        try {
            return performRequestAsync(request, endpoint, options).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        if (request instanceof ExistsRequest exists && existing != null) {
            return CompletableFuture.completedFuture((ResponseT) new BooleanResponse(existing.contains(exists.id())));
        }
        if (!(request instanceof BulkRequest bulk)) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("fake transport only answers bulk requests"));
        }
        requests.incrementAndGet();
        return (CompletableFuture<ResponseT>) responder.apply(bulk);
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return mapper;
    }

    @Override
    public TransportOptions options() {
        return new RestClientOptions(RequestOptions.DEFAULT, false);
    }

    @Override
    public void close() {}
}
