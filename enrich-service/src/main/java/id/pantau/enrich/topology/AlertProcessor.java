package id.pantau.enrich.topology;

import id.pantau.enrich.alert.AlertRule;
import id.pantau.enrich.alert.Alerts;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.TopicTag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises an {@link Alert} the first time a story cluster matches a rule, remembering every
 * (rule, cluster) pair raised in a changelogged store, so later copies and edits of the story stay
 * quiet. Not thread-safe; one per task.
 */
final class AlertProcessor implements Processor<String, EnrichedArticle, String, Alert> {

    static final String RAISED_STORE = "enrich-alerts-raised";
    private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);

    private final List<AlertRule> rules;
    private final Duration retention;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Long> raised;

    /** Forgets a raised alert after {@code retention} of stream time (the story members' retention: its cluster is gone by then). */
    AlertProcessor(List<AlertRule> rules, Duration retention) {
        this.rules = rules;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.raised = context.getStateStore(RAISED_STORE);
        context.schedule(StoryProcessor.PURGE_INTERVAL, PunctuationType.STREAM_TIME, streamTime -> purge(streamTime - retention.toMillis()));
    }

    /** Deletes the alerts raised before {@code oldest} (epoch ms). */
    private void purge(long oldest) {
        List<String> expired = ExpiredEntries.purge(raised, raisedAt -> raisedAt < oldest);
        if (!expired.isEmpty()) {
            LOG.info("event=raised_alerts_purged count={} olderThan={}", expired.size(), Instant.ofEpochMilli(oldest));
        }
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        for (AlertRule rule : rules) {
            TopicTag topic = rule.match(article);
            if (topic == null) {
                continue;
            }
            String key = rule.id() + '|' + article.getStoryClusterId();
            if (raised.get(key) != null) {
                continue;
            }
            long now = System.currentTimeMillis();
            // stream time, like the purge that reads it (the alert itself says when it was raised)
            raised.put(key, record.timestamp());
            Alert alert = Alerts.of(rule, topic, article, Instant.ofEpochMilli(now));
            LOG.info("event=alert_raised rule={} cluster={} article={} alert={}", rule.id(), article.getStoryClusterId(),
                    article.getArticle().getArticleId(), alert.getAlertId());
            context.forward(new Record<>(alert.getAlertId(), alert, record.timestamp()));
        }
    }
}
