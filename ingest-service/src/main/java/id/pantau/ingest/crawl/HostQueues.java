package id.pantau.ingest.crawl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a batch of work items grouped by host: each host's items one after the other, in order, on
 * a virtual thread of its own, all hosts in parallel; returns when every item is done. A failing
 * item does not stop its host's later items. Stateless and thread-safe.
 */
public final class HostQueues {

    /** An item whose work threw, with the exception. */
    public record Failure<T>(T item, RuntimeException error) {}

    private HostQueues() {}

    /** Groups items by host, keeping their order within a host. */
    public static <T> Map<String, List<T>> byHost(List<T> items, Function<T, String> hostOf) {
        Map<String, List<T>> queues = new LinkedHashMap<>();
        for (T item : items) {
            queues.computeIfAbsent(hostOf.apply(item), h -> new ArrayList<>()).add(item);
        }
        return queues;
    }

    /**
     * Runs {@code work} for every item and waits.
     *
     * @return the items whose work threw, in no particular order
     */
    public static <T> List<Failure<T>> runAll(List<T> items, Function<T, String> hostOf, Consumer<T> work) {
        Objects.requireNonNull(work, "work");
        List<Failure<T>> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<T> queue : byHost(items, hostOf).values()) {
                executor.submit(() -> {
                    for (T item : queue) {
                        try {
                            work.accept(item);
                        } catch (RuntimeException e) {
                            failures.add(new Failure<>(item, e));
                        }
                    }
                });
            }
        }
        return List.copyOf(failures);
    }
}
