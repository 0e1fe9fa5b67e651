package io.pomona.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sweep's checker is only worth its "0 violations" if it sees the mistakes an engine can make:
 * a valid document passes, and each kind of wrong document (a member no schema has, a wrong type,
 * an unknown enum value, a malformed date, a resource of the wrong type in {@code data} or
 * {@code included}, a missing required member) is a violation.
 */
class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenApiDocument spec;

  @BeforeAll
  static void readTheDocument() {
    Optional<java.nio.file.Path> location = OpenApiDocument.locate();
    if (location.isEmpty()) {
      System.out.println("OpenApiDocumentTest " + OpenApiDocument.NOT_FOUND);
    }
    Assumptions.assumeTrue(location.isPresent(), OpenApiDocument.NOT_FOUND);
    spec = OpenApiDocument.read(location.get());
  }

  @Test
  void findsTheSuccessSchemaOfAnOperation() {
    assertThat(spec.responseSchemaName("GET", "/v1/builds/{id}", 200)).contains("BuildResponse");
    assertThat(spec.statuses("GET", "/v1/builds/{id}")).contains("200", "404");
    assertThat(spec.responseSchemaName("DELETE", "/v1/betaGroups/{id}", 204)).isEmpty();
  }

  @Test
  void aValidDocumentConforms() {
    assertThat(spec.violations("BuildResponse", build().toString())).isEmpty();
  }

  static List<Arguments> wrongDocuments() {
    return List.of(
        wrong("an attribute no schema has", d -> attributes(d).put("colour", "red")),
        wrong("a member the document does not define", d -> d.put("extra", true)),
        wrong("a value of the wrong type", d -> attributes(d).put("expired", "no")),
        wrong("an enum value not listed", d -> attributes(d).put("processingState", "DONE")),
        wrong("a malformed date-time", d -> attributes(d).put("uploadedDate", "yesterday")),
        wrong("the wrong resource type", d -> ((ObjectNode) d.get("data")).put("type", "apps")),
        wrong("a missing required member", d -> d.remove("links")),
        wrong("a null to-one linkage", d -> ((ObjectNode) d.get("data").get("relationships").get("app")).putNull("data")),
        wrong("an included resource of a type the document cannot include",
            d -> ((ArrayNode) d.get("included")).addObject().put("type", "territories").put("id", "USA")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongDocuments")
  void aWrongDocumentIsAViolation(String mistake, Consumer<ObjectNode> change) {
    ObjectNode document = build();
    change.accept(document);
    assertThat(spec.violations("BuildResponse", document.toString())).as(mistake).isNotEmpty();
  }

  private static Arguments wrong(String mistake, Consumer<ObjectNode> change) {
    return Arguments.of(mistake, change);
  }

  private static ObjectNode attributes(ObjectNode document) {
    return (ObjectNode) document.get("data").get("attributes");
  }

  /** A BuildResponse as the engine renders one: attributes, a linked app, the app included. */
  private static ObjectNode build() {
    try {
      return (ObjectNode) JSON.readTree("""
          {"data": {"type": "builds", "id": "b1",
             "attributes": {"version": "42", "uploadedDate": "2024-05-01T10:00:00.000+00:00",
               "expired": false, "processingState": "VALID"},
             "relationships": {"app": {
               "links": {"self": "https://api.example/v1/builds/b1/relationships/app",
                         "related": "https://api.example/v1/builds/b1/app"},
               "data": {"type": "apps", "id": "a1"}}},
             "links": {"self": "https://api.example/v1/builds/b1"}},
           "included": [{"type": "apps", "id": "a1", "attributes": {"name": "Pomona"},
             "links": {"self": "https://api.example/v1/apps/a1"}}],
           "links": {"self": "https://api.example/v1/builds/b1?include=app"}}
          """);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
