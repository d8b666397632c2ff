package id.pantau.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import id.pantau.index.indexing.IndexAdmin;
import id.pantau.localstack.LocalStack;
import id.pantau.localstack.junit.LocalStackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class IndexAdminIT {

    @Test
    @SuppressWarnings("rawtypes")
    void shouldMigrateAnAliasToANewMappingKeepingDocumentsAndVersions(LocalStack stack) throws Exception {
        ElasticsearchClient es = ItSupport.es(stack);
        try {
            IndexAdmin admin = new IndexAdmin(es);
            admin.ensure("it-migrate", "it-migrate-v1");
            for (int i = 1; i <= 3; i++) {
                long version = i;
                es.index(x -> x.index("it-migrate").id("doc-" + version).version(version).versionType(VersionType.External)
                        .document(Map.of("title", "Judul uji nomor " + version)));
            }

            IndexAdmin.Migration migration = admin.migrate("it-migrate", "it-migrate-v2");
            es.indices().refresh(r -> r.index("it-migrate"));

            assertThat(migration).isEqualTo(new IndexAdmin.Migration("it-migrate", "it-migrate-v1", "it-migrate-v2", 3, 0));
            assertThat(es.indices().getAlias(a -> a.name("it-migrate")).result().keySet()).containsExactly("it-migrate-v2");
            assertThat(es.get(g -> g.index("it-migrate").id("doc-3"), Map.class).version()).isEqualTo(3L);
            assertThat(es.search(s -> s.index("it-migrate").query(q -> q.term(t -> t.field("title.raw").value("Judul uji nomor 2"))), Map.class)
                    .hits().total().value()).isEqualTo(1);
            // External versions survived: an older version is still refused after the swap.
            assertThatThrownBy(() -> es.index(x -> x.index("it-migrate").id("doc-3").version(2L).versionType(VersionType.External)
                    .document(Map.of("title", "lama"))))
                    .hasMessageContaining("409 Conflict").hasMessageContaining("version_conflict_engine_exception");
            assertThatThrownBy(() -> admin.migrate("it-migrate", "it-migrate-v2"))
                    .hasMessage("alias it-migrate already points to it-migrate-v2");
        } finally {
            es._transport().close();
        }
    }
}
