package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.CatalogLoader;
import io.pomona.store.FrozenAttributes;
import io.pomona.store.StoredResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The renderer keeps encoded bytes with the store's frozen attributes, which resources with the
 * same stored text share: each must still render its own id and links, with or without linkage
 * and sparse fieldsets, exactly as a resource whose attributes are not frozen.
 */
class DocumentWriterSharedAttributesTest {
  private static final Model MODEL = new Model(new CatalogIndex(CatalogLoader.load()));

  @Test
  void twinsSharingFrozenAttributesRenderAsUnfrozenOnesDo() {
    FrozenAttributes shared = FrozenAttributes.copyOf(Map.of("version", "7", "expired", false));
    StoredResource a = build("twin-a", shared);
    StoredResource b = build("twin-b", shared);
    StoredResource plainA = build("twin-a", Map.of("version", "7", "expired", false));
    StoredResource plainB = build("twin-b", Map.of("version", "7", "expired", false));
    DocumentWriter frozenWriter = new DocumentWriter(MODEL, new ObjectMapper(), "http://example.test");
    DocumentWriter plainWriter = new DocumentWriter(MODEL, new ObjectMapper(), "http://example.test");
    var schema = MODEL.defaultSchema("builds");
    DocumentWriter.Rendering none = new DocumentWriter.Rendering(Map.of(), Map.of(), List.of(), Map.of());
    DocumentWriter.Rendering linked = new DocumentWriter.Rendering(Map.of(),
        Map.of(DocumentWriter.Rendering.key("builds", "twin-b"),
            Map.of("app", new Linkage("apps", List.of("1"), 1, 1))), List.of(), Map.of());
    DocumentWriter.Rendering sparse = new DocumentWriter.Rendering(
        Map.of("builds", java.util.Set.of("version", "app")), Map.of(), List.of(), Map.of());

    for (DocumentWriter.Rendering rendering : List.of(none, linked, none, sparse, none, linked)) {
      String frozen = text(frozenWriter.collection(schema, List.of(a, b), "http://example.test/v1/builds",
          Optional.empty(), 2, 50, rendering));
      String plain = text(plainWriter.collection(schema, List.of(plainA, plainB), "http://example.test/v1/builds",
          Optional.empty(), 2, 50, rendering));
      assertThat(frozen).isEqualTo(plain).contains("/v1/builds/twin-a\"", "/v1/builds/twin-b\"");
    }
    for (StoredResource twin : List.of(b, a, b)) {
      String frozen = new String(frozenWriter.single(schema, twin, "http://example.test/x", none),
          StandardCharsets.UTF_8);
      String plain = new String(plainWriter.single(schema, twin == a ? plainA : plainB, "http://example.test/x", none),
          StandardCharsets.UTF_8);
      assertThat(frozen).isEqualTo(plain);
    }
  }

  private static StoredResource build(String id, Map<String, Object> attributes) {
    return new StoredResource("TEAM", "builds", id, attributes, Instant.EPOCH, Instant.EPOCH, 1, 1);
  }

  private static String text(JsonBytes.Finished document) {
    return new String(document.buffer(), 0, document.length(), StandardCharsets.UTF_8);
  }
}
