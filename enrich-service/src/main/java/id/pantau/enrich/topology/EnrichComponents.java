package id.pantau.enrich.topology;

import id.pantau.enrich.alert.AlertRule;
import id.pantau.enrich.alert.AlertRules;
import id.pantau.enrich.config.EnrichConfig;
import id.pantau.enrich.tagger.organisation.OrganisationTagger;
import id.pantau.enrich.tagger.quote.QuoteTagger;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.enrich.tagger.region.RegionTagger;
import id.pantau.enrich.tagger.topic.TopicRules;
import id.pantau.enrich.tagger.topic.TopicTagger;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the topology needs besides config: the enricher, the officials directory fed by
 * ref.officials and the alert rules. {@link #close()} closes the topic tagger, if this instance
 * built one; the caller owns it.
 *
 * @param enricher tags one article
 * @param officials officials directory updated from ref.officials
 * @param alertRules alert rules
 * @param closeable resource to close with the components, or null
 */
public record EnrichComponents(Enricher enricher, OfficialDirectory officials, List<AlertRule> alertRules, @Nullable AutoCloseable closeable)
        implements AutoCloseable {

    public EnrichComponents {
        Objects.requireNonNull(enricher, "enricher");
        Objects.requireNonNull(officials, "officials");
        alertRules = List.copyOf(alertRules);
    }

    /** The standard components: shipped gazetteer, taggers and rules as {@code config} names them. */
    public static EnrichComponents standard(EnrichConfig config) {
        RegionGazetteer gazetteer = RegionGazetteer.loadDefault();
        OfficialDirectory officials = new OfficialDirectory(gazetteer);
        TopicTagger topics = TopicTagger.of(TopicRules.load(config.rules().topicsFile()));
        ArticleEnricher enricher = new ArticleEnricher(new RegionTagger(gazetteer), officials::tagger, new OrganisationTagger(gazetteer),
                topics, new QuoteTagger(), config.outletProvinces());
        return new EnrichComponents(enricher, officials, AlertRules.load(config.rules().alertsFile()), topics);
    }

    @Override
    public void close() throws Exception {
        if (closeable != null) {
            closeable.close();
        }
    }
}
