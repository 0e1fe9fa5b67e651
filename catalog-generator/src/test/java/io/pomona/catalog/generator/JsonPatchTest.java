package io.pomona.catalog.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private ObjectNode document() {
    ObjectNode document = mapper.createObjectNode();
    ObjectNode relationship =
        document.putObject("components").putObject("schemas").putObject("App~Links/x");
    relationship.put("type", "object");
    relationship.putArray("enum").add("a").add("c");
    return document;
  }

  private static ObjectNode operation(ArrayNode patches, String op, String path) {
    ObjectNode patch = patches.addObject().put("op", op).put("path", path);
    patch.put("why", "ignored by the applier");
    return patch;
  }

  @Test
  void addReplaceAndRemoveChangeTheTreeAndIgnoreWhy() {
    ObjectNode document = document();
    ArrayNode patches = mapper.createArrayNode();
    operation(patches, "add", "/components/schemas/App~0Links~1x/nullable").put("value", true);
    operation(patches, "replace", "/components/schemas/App~0Links~1x/type").put("value", "string");
    operation(patches, "remove", "/components/schemas/App~0Links~1x/enum/1");

    JsonPatch.apply(document, patches);

    ObjectNode schema = (ObjectNode) document.at("/components/schemas/App~0Links~1x");
    assertThat(schema.get("nullable").asBoolean()).isTrue();
    assertThat(schema.get("type").asText()).isEqualTo("string");
    assertThat(schema.get("enum")).hasSize(1);
    assertThat(schema.get("enum").get(0).asText()).isEqualTo("a");
  }

  @Test
  void addInsertsAtAnArrayIndexAndAppendsWithDash() {
    ObjectNode document = document();
    ArrayNode patches = mapper.createArrayNode();
    operation(patches, "add", "/components/schemas/App~0Links~1x/enum/1").put("value", "b");
    operation(patches, "add", "/components/schemas/App~0Links~1x/enum/-").put("value", "d");

    JsonPatch.apply(document, patches);

    assertThat(document.at("/components/schemas/App~0Links~1x/enum").toString())
        .isEqualTo(mapper.createArrayNode().add("a").add("b").add("c").add("d").toString());
  }

  @Test
  void replacingAMissingMemberFails() {
    ArrayNode patches = mapper.createArrayNode();
    operation(patches, "replace", "/components/schemas/Nope/type").put("value", "string");

    assertThatThrownBy(() -> JsonPatch.apply(document(), patches))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing to change");
  }

  @Test
  void removingBeyondTheEndOfAnArrayFails() {
    ArrayNode patches = mapper.createArrayNode();
    operation(patches, "remove", "/components/schemas/App~0Links~1x/enum/2");

    assertThatThrownBy(() -> JsonPatch.apply(document(), patches))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing to change");
  }

  @Test
  void unsupportedOperationFails() {
    ArrayNode patches = mapper.createArrayNode();
    operation(patches, "move", "/components");

    assertThatThrownBy(() -> JsonPatch.apply(document(), patches))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported patch operation");
  }

  @Test
  void committedPatchFileIsAnArrayWhoseEntriesSayWhy() throws Exception {
    try (InputStream json = getClass().getResourceAsStream(CatalogGenerator.PATCHES_RESOURCE)) {
      var patches = mapper.readTree(json);
      assertThat(patches.isArray()).isTrue();
      patches.forEach(
          patch -> assertThat(patch.path("why").asText()).as(patch.toString()).isNotBlank());
    }
  }
}
