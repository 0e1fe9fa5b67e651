package io.pomona.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.catalog.Relationship;
import io.pomona.catalog.ResourceSchema;
import io.pomona.catalog.Shape;
import io.pomona.store.StoredResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes JSON:API documents exactly as Apple shapes them (api-facts.md §4): every resource with
 * {@code type}, {@code id}, {@code attributes}, {@code relationships} (links, and linkage data
 * when included) and an absolute {@code links.self}; top-level {@code links} and, for lists,
 * {@code meta.paging}; {@code included} without duplicates; sparse fieldsets honoured. The only
 * place that writes JSON:API; it streams straight to bytes.
 */
final class DocumentWriter {
  private static final SerializableString LINKS = new SerializedString("links");
  private static final SerializableString SELF = new SerializedString("self");
  private static final SerializableString RELATED = new SerializedString("related");

  private final Model model;
  private final ObjectMapper json;
  /**
   * By schema name. A list with includes renders thousands of relationships (every one with two
   * links), so what does not depend on the resource is worked out once: JFR showed the per-link
   * lookups and concatenations as the largest share of rendering.
   */
  private final Map<String, List<RelationshipOut>> relationshipsBySchema = new ConcurrentHashMap<>();

  DocumentWriter(Model model, ObjectMapper json) {
    this.model = model;
    this.json = json;
  }

  /**
   * What a document renders besides its primary data.
   *
   * @param includedSchemas by type, the schema that renders included resources of a type with
   *     several schemas: the one the operation's response lists (its {@code included} validates
   *     against that one only); other types render with their current schema
   */
  record Rendering(
      String baseUrl,
      Map<String, Set<String>> fields,
      Map<String, Map<String, Linkage>> linkages,
      List<StoredResource> included,
      Map<String, String> includedSchemas) {

    static String key(String type, String id) {
      return type + "/" + id;
    }

    /** The linkage of each relationship of {@code resource} that has one, by relationship name. */
    Map<String, Linkage> linkagesOf(StoredResource resource) {
      if (linkages.isEmpty()) {
        return Map.of();
      }
      Map<String, Linkage> byRelationship = linkages.get(key(resource.type(), resource.id()));
      return byRelationship == null ? Map.of() : byRelationship;
    }
  }

  /** One relationship of a schema with its JSON name and link templates (null: no such link). */
  private record RelationshipOut(
      String name, SerializableString field, Relationship relationship, PathTemplate self, PathTemplate related) {}

  /**
   * Absolute links written from a buffer reused for every link of a resource: base URL, path
   * template and id are appended and handed to the generator as characters, never as a String.
   */
  private static final class LinkText {
    private final String baseUrl;
    private final StringBuilder text = new StringBuilder(160);
    private char[] chars = new char[160];

    LinkText(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    void write(JsonGenerator g, SerializableString field, PathTemplate template, String id) throws IOException {
      text.setLength(0);
      text.append(baseUrl);
      template.appendTo(text, id);
      int length = text.length();
      if (chars.length < length) {
        chars = new char[Math.max(length, chars.length * 2)];
      }
      text.getChars(0, length, chars, 0);
      g.writeFieldName(field);
      g.writeString(chars, 0, length);
    }
  }

  byte[] single(ResourceSchema schema, StoredResource resource, String selfUrl, Rendering rendering) {
    return write(g -> {
      g.writeStartObject();
      g.writeFieldName("data");
      resource(g, schema, resource, rendering);
      g.writeObjectFieldStart("links");
      g.writeStringField("self", selfUrl);
      g.writeEndObject();
      included(g, rendering);
      g.writeEndObject();
    });
  }

  byte[] collection(
      ResourceSchema schema,
      List<StoredResource> items,
      String selfUrl,
      Optional<String> nextUrl,
      long total,
      int limit,
      Rendering rendering) {
    return write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (StoredResource item : items) {
        resource(g, schema, item, rendering);
      }
      g.writeEndArray();
      pagedLinks(g, selfUrl, nextUrl);
      included(g, rendering);
      paging(g, total, limit);
      g.writeEndObject();
    });
  }

  /** A to-one linkage document; its top-level links are the spec's DocumentLinks: {@code self} only. */
  byte[] toOneLinkage(String targetType, Optional<String> id, String selfUrl) {
    return write(g -> {
      g.writeStartObject();
      g.writeFieldName("data");
      if (id.isPresent()) {
        identifier(g, targetType, id.get());
      } else {
        g.writeNull();
      }
      g.writeObjectFieldStart("links");
      g.writeStringField("self", selfUrl);
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  byte[] toManyLinkage(String targetType, List<String> ids, String selfUrl, Optional<String> nextUrl, long total, int limit) {
    return write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (String id : ids) {
        identifier(g, targetType, id);
      }
      g.writeEndArray();
      pagedLinks(g, selfUrl, nextUrl);
      paging(g, total, limit);
      g.writeEndObject();
    });
  }

  private void resource(JsonGenerator g, ResourceSchema schema, StoredResource resource, Rendering rendering)
      throws IOException {
    Set<String> fields = rendering.fields().get(schema.type());
    LinkText links = new LinkText(rendering.baseUrl());
    g.writeStartObject();
    g.writeStringField("type", schema.type());
    g.writeStringField("id", resource.id());
    attributes(g, schema, resource, fields);
    relationships(g, schema, resource, fields, rendering, links);
    g.writeFieldName(LINKS);
    g.writeStartObject();
    links.write(g, SELF, model.instanceTemplate(schema.type()), resource.id());
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * Stored values of the schema's attributes, in the schema's order. Absent values are left
   * out; a stored null is written only where the schema allows null.
   */
  private void attributes(JsonGenerator g, ResourceSchema schema, StoredResource resource, Set<String> fields)
      throws IOException {
    boolean started = false;
    for (Map.Entry<String, Shape> attribute : schema.attributes().entrySet()) {
      String name = attribute.getKey();
      if (fields != null && !fields.contains(name) || !resource.attributes().containsKey(name)) {
        continue;
      }
      Object value = resource.attributes().get(name);
      if (value == null && !attribute.getValue().nullable()) {
        continue;
      }
      if (!started) {
        g.writeObjectFieldStart("attributes");
        started = true;
      }
      g.writeFieldName(name);
      writeValue(g, value);
    }
    if (started) {
      g.writeEndObject();
    }
  }

  private void relationships(
      JsonGenerator g,
      ResourceSchema schema,
      StoredResource resource,
      Set<String> fields,
      Rendering rendering,
      LinkText links)
      throws IOException {
    Map<String, Linkage> linkages = rendering.linkagesOf(resource);
    boolean started = false;
    for (RelationshipOut out : relationshipsOf(schema)) {
      if (fields != null && !fields.contains(out.name())) {
        continue;
      }
      Relationship relationship = out.relationship();
      // An empty to-one has no data member: the spec's relationship data is an object, never null.
      Linkage data = relationship.linkage() ? linkages.get(out.name()) : null;
      if (data != null && !relationship.toMany() && data.ids().isEmpty()) {
        data = null;
      }
      if (out.self() == null && out.related() == null && data == null) {
        continue;
      }
      if (!started) {
        g.writeObjectFieldStart("relationships");
        started = true;
      }
      g.writeFieldName(out.field());
      g.writeStartObject();
      if (out.self() != null || out.related() != null) {
        g.writeFieldName(LINKS);
        g.writeStartObject();
        if (out.self() != null) {
          links.write(g, SELF, out.self(), resource.id());
        }
        if (out.related() != null) {
          links.write(g, RELATED, out.related(), resource.id());
        }
        g.writeEndObject();
      }
      if (data != null) {
        if (relationship.toMany()) {
          if (relationship.paging()) {
            paging(g, data.total(), data.limit());
          }
          g.writeArrayFieldStart("data");
          for (String id : data.ids()) {
            identifier(g, data.targetType(), id);
          }
          g.writeEndArray();
        } else {
          g.writeFieldName("data");
          identifier(g, data.targetType(), data.ids().get(0));
        }
      }
      g.writeEndObject();
    }
    if (started) {
      g.writeEndObject();
    }
  }

  private List<RelationshipOut> relationshipsOf(ResourceSchema schema) {
    return relationshipsBySchema.computeIfAbsent(schema.name(), name -> schema.relationships().entrySet().stream()
        .map(entry -> {
          String relationship = entry.getKey();
          boolean links = entry.getValue().links();
          return new RelationshipOut(
              relationship,
              new SerializedString(relationship),
              entry.getValue(),
              links ? model.relationshipTemplate(schema.type(), relationship) : null,
              links ? model.relatedTemplate(schema.type(), relationship) : null);
        })
        .toList());
  }

  private void included(JsonGenerator g, Rendering rendering) throws IOException {
    if (rendering.included().isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("included");
    for (StoredResource resource : rendering.included()) {
      String schema = rendering.includedSchemas().get(resource.type());
      resource(g, schema == null ? model.defaultSchema(resource.type()) : model.schema(schema), resource, rendering);
    }
    g.writeEndArray();
  }

  /**
   * A stored attribute value. Scalars, most values, are written directly: going through the
   * codec looks up a serializer per value, a tenth of a list's rendering time (JFR).
   */
  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    switch (value) {
      case null -> g.writeNull();
      case String text -> g.writeString(text);
      case Boolean flag -> g.writeBoolean(flag);
      case Integer number -> g.writeNumber(number);
      case Long number -> g.writeNumber(number);
      default -> g.writeObject(value);
    }
  }

  private static void identifier(JsonGenerator g, String type, String id) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", type);
    g.writeStringField("id", id);
    g.writeEndObject();
  }

  private static void pagedLinks(JsonGenerator g, String selfUrl, Optional<String> nextUrl) throws IOException {
    g.writeObjectFieldStart("links");
    g.writeStringField("self", selfUrl);
    if (nextUrl.isPresent()) {
      g.writeStringField("next", nextUrl.get());
    }
    g.writeEndObject();
  }

  private static void paging(JsonGenerator g, long total, int limit) throws IOException {
    g.writeObjectFieldStart("meta");
    g.writeObjectFieldStart("paging");
    g.writeNumberField("total", total);
    g.writeNumberField("limit", limit);
    g.writeEndObject();
    g.writeEndObject();
  }

  private byte[] write(Body body) {
    // Grows by blocks without copying what it holds (a list with includes is hundreds of KB);
    // the one copy is the final array.
    ByteArrayBuilder out = new ByteArrayBuilder(1024);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.setCodec(json);
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a document to memory failed", e);
    }
    return out.toByteArray();
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }
}
