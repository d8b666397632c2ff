package id.pantau.ingest.fetch;

import java.time.Duration;

/** Waits; real code sleeps, tests advance a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling (virtual) thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
