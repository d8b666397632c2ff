package id.pantau.launcher;

import java.util.List;

/** The services the launcher runs, in start order. */
final class PipelineServices {

    private PipelineServices() {}

    static List<PipelineService> all() {
        return List.of();
    }
}
