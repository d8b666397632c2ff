package id.pantau.ingest.crawl;

import static id.pantau.ingest.crawl.CrawlWorker.COMMIT_WAIT;
import static id.pantau.ingest.crawl.CrawlWorker.CONSUMER_CLOSE;
import static id.pantau.ingest.crawl.CrawlWorker.REVOKE_GRACE;
import static id.pantau.ingest.crawl.CrawlWorker.REVOKE_WAIT;
import static id.pantau.ingest.crawl.CrawlWorker.STOP_WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrawlWorkerTest {

    // review of issue #3: close() waited 40 s for a stop that could take 20 + 5 + 30 + 30 s, and the owner then closed the
    // HTTP client, the publisher and the seen-store under lanes still running
    @Test
    void shouldWaitOnCloseForTheLongestStopPathWithEachWaitAtItsBound() {
        Duration runningRequests = STOP_WAIT;
        Duration revocationOfClosingTheConsumer = REVOKE_GRACE.plus(REVOKE_WAIT).plus(REVOKE_WAIT);
        assertThat(CrawlWorker.joinBound()).isGreaterThanOrEqualTo(runningRequests.plus(revocationOfClosingTheConsumer));

        Duration revocationUnderWay = REVOKE_GRACE.plus(REVOKE_WAIT).plus(REVOKE_WAIT).plus(COMMIT_WAIT);
        Duration stop = STOP_WAIT.plus(REVOKE_WAIT).plus(REVOKE_WAIT).plus(COMMIT_WAIT).plus(COMMIT_WAIT);
        Duration consumerClose = CONSUMER_CLOSE.plus(COMMIT_WAIT);
        assertThat(CrawlWorker.joinBound()).isGreaterThanOrEqualTo(revocationUnderWay.plus(stop).plus(consumerClose));
    }
}
