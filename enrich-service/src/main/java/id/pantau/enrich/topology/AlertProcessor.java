package id.pantau.enrich.topology;

import id.pantau.enrich.alert.AlertRule;
import id.pantau.enrich.alert.Alerts;
import id.pantau.schemas.avro.Alert;
import id.pantau.schemas.avro.EnrichedArticle;
import id.pantau.schemas.avro.TopicTag;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Long> raised;

    AlertProcessor(List<AlertRule> rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.raised = context.getStateStore(RAISED_STORE);
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
            raised.put(key, now);
            Alert alert = Alerts.of(rule, topic, article, Instant.ofEpochMilli(now));
            LOG.info("event=alert_raised rule={} cluster={} article={} alert={}", rule.id(), article.getStoryClusterId(),
                    article.getArticle().getArticleId(), alert.getAlertId());
            context.forward(new Record<>(alert.getAlertId(), alert, record.timestamp()));
        }
    }
}
