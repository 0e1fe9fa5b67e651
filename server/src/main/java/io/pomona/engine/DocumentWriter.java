package io.pomona.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.behaviour.MetricSeries;
import io.pomona.catalog.Relationship;
import io.pomona.catalog.ResourceSchema;
import io.pomona.catalog.Shape;
import io.pomona.store.FrozenAttributes;
import io.pomona.store.StoredResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
 * place that writes JSON:API.
 *
 * <p>It writes UTF-8 straight into one buffer ({@link JsonBytes}). Whatever does not depend on
 * the resource is encoded once per schema ({@link SchemaOut}): a list with includes renders
 * thousands of relationships, each with two absolute links, and building those per resource was
 * the largest share of a list's CPU (JFR, bench/results.md). Per resource, only the id is encoded
 * (once) and spliced between the pre-encoded pieces.
 */
final class DocumentWriter {
  /** Dates as Apple writes them: ISO-8601 in UTC with milliseconds (api-facts.md §14). */
  private static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
  private static final byte[] DATA = JsonBytes.syntax("\"data\":");
  private static final byte[] LINKS_SELF = JsonBytes.syntax("\"links\":{\"self\":");
  private static final byte[] NEXT = JsonBytes.syntax(",\"next\":");
  private static final byte[] INCLUDED = JsonBytes.syntax(",\"included\":[");
  private static final byte[] ATTRIBUTES = JsonBytes.syntax(",\"attributes\":{");
  private static final byte[] RELATIONSHIPS = JsonBytes.syntax(",\"relationships\":{");
  private static final byte[] META_PAGING_TOTAL = JsonBytes.syntax("\"meta\":{\"paging\":{\"total\":");
  private static final byte[] LIMIT = JsonBytes.syntax(",\"limit\":");
  private static final byte[] CLOSE_PAGING = JsonBytes.syntax("}}");
  private static final byte[] NULL = JsonBytes.syntax("null");
  private static final byte[] TRUE = JsonBytes.syntax("true");
  private static final byte[] FALSE = JsonBytes.syntax("false");
  /** Bytes reserved per rendered resource up front: a build with its 16 relationships is ~3.2 KB. */
  private static final int BYTES_PER_RESOURCE = 4096;

  private final Model model;
  private final ObjectMapper json;
  private final String baseUrl;
  /** By schema name: the pre-encoded pieces of every resource of that schema. */
  private final Map<String, SchemaOut> schemas = new ConcurrentHashMap<>();
  /** By type: {@code {"type":"<type>","id":} for linkage identifiers. */
  private final Map<String, byte[]> identifierStarts = new ConcurrentHashMap<>();

  /** @param baseUrl the configured public URL every absolute link starts with */
  DocumentWriter(Model model, ObjectMapper json, String baseUrl) {
    this.model = model;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  /**
   * What a document renders besides its primary data.
   *
   * @param includedSchemas by type, the schema that renders included resources of a type with
   *     several schemas: the one the operation's response lists (its {@code included} validates
   *     against that one only); other types render with their current schema
   */
  record Rendering(
      Map<String, Set<String>> fields,
      Map<Key, Map<String, Linkage>> linkages,
      List<StoredResource> included,
      Map<String, String> includedSchemas) {

    /** A resource's identity in a document (a record: no string built per lookup). */
    record Key(String type, String id) {}

    static Key key(String type, String id) {
      return new Key(type, id);
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

  byte[] single(ResourceSchema schema, StoredResource resource, String selfUrl, Rendering rendering) {
    JsonBytes out = JsonBytes.forDocument(BYTES_PER_RESOURCE * (1 + rendering.included().size()));
    out.raw('{').raw(DATA);
    resource(out, schema, resource, rendering);
    out.raw(',').raw(LINKS_SELF).string(selfUrl).raw('}');
    included(out, rendering);
    return out.raw('}').finish();
  }

  /** The related document of an empty to-one relationship: {@code data} null, links self. */
  byte[] emptyToOne(String selfUrl) {
    JsonBytes out = JsonBytes.forDocument(128);
    out.raw('{').raw(DATA).raw(NULL);
    out.raw(',').raw(LINKS_SELF).string(selfUrl).raw('}');
    return out.raw('}').finish();
  }

  JsonBytes.Finished collection(
      ResourceSchema schema,
      List<StoredResource> items,
      String selfUrl,
      Optional<String> nextUrl,
      long total,
      int limit,
      Rendering rendering) {
    JsonBytes out = JsonBytes.forDocument(256 + BYTES_PER_RESOURCE * (items.size() + rendering.included().size()));
    out.raw('{').raw(DATA).raw('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      resource(out, schema, items.get(i), rendering);
    }
    out.raw(']').raw(',');
    pagedLinks(out, selfUrl, nextUrl);
    included(out, rendering);
    out.raw(',');
    paging(out, total, limit);
    return out.raw('}').handOver();
  }

  /** A to-one linkage document; its top-level links are the spec's DocumentLinks: {@code self} only. */
  byte[] toOneLinkage(String targetType, Optional<String> id, String selfUrl) {
    JsonBytes out = JsonBytes.forDocument(256);
    out.raw('{').raw(DATA);
    if (id.isPresent()) {
      identifier(out, targetType, id.get());
    } else {
      out.raw(NULL);
    }
    out.raw(',').raw(LINKS_SELF).string(selfUrl).raw('}');
    return out.raw('}').finish();
  }

  byte[] toManyLinkage(String targetType, List<String> ids, String selfUrl, Optional<String> nextUrl, long total, int limit) {
    JsonBytes out = JsonBytes.forDocument(256 + 96 * ids.size());
    out.raw('{').raw(DATA);
    identifiers(out, targetType, ids);
    out.raw(',');
    pagedLinks(out, selfUrl, nextUrl);
    out.raw(',');
    paging(out, total, limit);
    return out.raw('}').finish();
  }

  /**
   * A metrics document (the spec's {@code *V1MetricResponse}): each series with its data points
   * and dimensions, paged like a collection. A dimension that names a resource links to it
   * ({@code related}) and to the same metric grouped by that dimension ({@code groupBy}).
   *
   * @param metricUrl the metric's absolute URL without query, for the {@code groupBy} links
   * @param relatedUrl the absolute URL of a resource, by type and id
   */
  byte[] metrics(List<MetricSeries> items, String selfUrl, Optional<String> nextUrl, long total, int limit,
      String metricUrl, java.util.function.BiFunction<String, String, String> relatedUrl) {
    return write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (MetricSeries series : items) {
        g.writeStartObject();
        g.writeArrayFieldStart("dataPoints");
        for (MetricSeries.DataPoint point : series.dataPoints()) {
          g.writeStartObject();
          g.writeStringField("start", DATE_TIME.format(point.start()));
          g.writeStringField("end", DATE_TIME.format(point.end()));
          g.writeObjectFieldStart("values");
          for (Map.Entry<String, Number> value : point.values().entrySet()) {
            g.writeFieldName(value.getKey());
            g.writeObject(value.getValue());
          }
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        if (!series.dimensions().isEmpty()) {
          g.writeObjectFieldStart("dimensions");
          for (MetricSeries.Dimension dimension : series.dimensions()) {
            g.writeObjectFieldStart(dimension.name());
            g.writeObjectFieldStart("links");
            g.writeStringField("groupBy", metricUrl + "?groupBy=" + dimension.name());
            if (dimension.relatedType().isPresent()) {
              g.writeStringField("related", relatedUrl.apply(dimension.relatedType().get(), dimension.value()));
            }
            g.writeEndObject();
            g.writeStringField("data", dimension.value());
            g.writeEndObject();
          }
          g.writeEndObject();
        }
        if (series.granularity().isPresent()) {
          g.writeStringField("granularity", series.granularity().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      pagedLinks(g, selfUrl, nextUrl);
      paging(g, total, limit);
      g.writeEndObject();
    });
  }

  private void resource(JsonBytes out, ResourceSchema schema, StoredResource resource, Rendering rendering) {
    SchemaOut pieces = schemaOut(schema);
    Set<String> fields = rendering.fields().get(schema.type());
    if (fields != null || !(resource.attributes() instanceof FrozenAttributes frozen)) {
      byte[] id = JsonBytes.encoded(resource.id());
      out.raw(pieces.typeAndId).raw(id).raw('"');
      encodeAttributes(out, pieces, resource.attributes(), fields);
      if (fields == null) {
        Map<String, Linkage> linkages = rendering.linkagesOf(resource);
        pieces.plan(linkages.keySet()).write(this, out, id, linkages);
      } else {
        relationships(out, pieces, resource, id, fields, rendering);
      }
      pieces.selfAndEnd.write(out, id);
      return;
    }
    // Without a sparse fieldset, what depends only on the store's frozen attributes (and the id)
    // is kept with them: their encoded bytes, and the whole resource when it has no linkage data.
    // Re-encoding the same values for every list that shows them was a tenth of a list's CPU, and
    // an included app is 40 relationships with two links each (JFR, bench/results.md).
    Map<String, Linkage> linkages = rendering.linkagesOf(resource);
    Encoded kept = frozen.derived() instanceof Encoded encoded && encoded.owner == pieces ? encoded : null;
    if (kept != null && kept.whole != null && linkages.isEmpty() && kept.id.equals(resource.id())) {
      out.raw(kept.whole);
      return;
    }
    int start = out.size();
    byte[] id = JsonBytes.encoded(resource.id());
    out.raw(pieces.typeAndId).raw(id).raw('"');
    byte[] attributes;
    if (kept != null) {
      attributes = kept.attributes;
    } else {
      JsonBytes scratch = new JsonBytes(1024);
      encodeAttributes(scratch, pieces, frozen, null);
      attributes = scratch.toByteArray();
    }
    out.raw(attributes);
    pieces.plan(linkages.keySet()).write(this, out, id, linkages);
    pieces.selfAndEnd.write(out, id);
    if (linkages.isEmpty()) {
      frozen.derive(new Encoded(pieces, resource.id(), attributes, out.copy(start)));
    } else if (kept == null) {
      frozen.derive(new Encoded(pieces, resource.id(), attributes, null));
    }
  }

  /**
   * Kept with frozen attributes: their encoded {@code ,"attributes":{…}} member (or nothing) for
   * {@code owner}'s schema, and the whole resource {@code id} (null until rendered without
   * linkage). Attributes are shared by resources with the same stored text, hence the id check.
   */
  private record Encoded(SchemaOut owner, String id, byte[] attributes, byte[] whole) {}

  /**
   * Stored values of the schema's attributes, in the schema's order. Absent values are left
   * out; a stored null is written only where the schema allows null.
   */
  private void encodeAttributes(JsonBytes out, SchemaOut pieces, Map<String, Object> values, Set<String> fields) {
    boolean started = false;
    for (AttributeOut attribute : pieces.attributes) {
      if (fields != null && !fields.contains(attribute.name) || !values.containsKey(attribute.name)) {
        continue;
      }
      Object value = values.get(attribute.name);
      if (value == null && !attribute.nullable) {
        continue;
      }
      out.raw(started ? COMMA : ATTRIBUTES);
      started = true;
      out.raw(attribute.field);
      value(out, value);
    }
    if (started) {
      out.raw('}');
    }
  }

  private static final byte[] COMMA = {','};

  /** The relationships a sparse fieldset keeps, one by one. */
  private void relationships(
      JsonBytes out, SchemaOut pieces, StoredResource resource, byte[] id, Set<String> fields, Rendering rendering) {
    Map<String, Linkage> linkages = rendering.linkagesOf(resource);
    boolean started = false;
    for (RelationshipOut relationshipOut : pieces.relationships) {
      if (fields.contains(relationshipOut.name)) {
        started |= relationship(out, relationshipOut, id, linkages, started);
      }
    }
    if (started) {
      out.raw('}');
    }
  }

  /**
   * One relationship member, preceded by the separator ({@code ,} or the opening of
   * {@code relationships} when {@code started} is false); false when it has nothing to show.
   */
  private boolean relationship(
      JsonBytes out, RelationshipOut relationshipOut, byte[] id, Map<String, Linkage> linkages, boolean started) {
    Relationship relationship = relationshipOut.relationship;
    // An empty to-one has no data member: the spec's relationship data is an object, never null.
    Linkage data = relationship.linkage() ? linkages.get(relationshipOut.name) : null;
    if (data != null && !relationship.toMany() && data.ids().isEmpty()) {
      data = null;
    }
    if (relationshipOut.links == null && data == null) {
      return false;
    }
    out.raw(started ? COMMA : RELATIONSHIPS);
    out.raw(relationshipOut.field);
    if (relationshipOut.links != null) {
      relationshipOut.links.write(out, id);
    }
    if (data != null) {
      if (relationshipOut.links != null) {
        out.raw(',');
      }
      if (relationship.toMany()) {
        if (relationship.paging()) {
          paging(out, data.total(), data.limit());
          out.raw(',');
        }
        out.raw(DATA);
        identifiers(out, data.targetType(), data.ids());
      } else {
        out.raw(DATA);
        identifier(out, data.targetType(), data.ids().get(0));
      }
    }
    out.raw('}');
    return true;
  }

  /**
   * How the {@code relationships} member of a schema's resources is written when no sparse
   * fieldset applies, for one set of relationships that carry linkage data: each run of
   * relationships without linkage is one pre-encoded piece with the id spliced in (a build has 16
   * relationships with two links each; writing them one by one was the largest part of rendering
   * a list, JFR), the others are written one by one as above.
   */
  private static final class RelationshipPlan {
    /** Per step: a run written as it is, or null where {@link #dynamic} has the relationship. */
    private final Spliced[] runs;
    private final RelationshipOut[] dynamic;

    RelationshipPlan(RelationshipOut[] relationships, Set<String> withLinkage) {
      List<Spliced> runs = new java.util.ArrayList<>();
      List<RelationshipOut> dynamic = new java.util.ArrayList<>();
      Spliced run = null;
      for (RelationshipOut relationshipOut : relationships) {
        boolean linked = relationshipOut.relationship.linkage() && withLinkage.contains(relationshipOut.name);
        if (linked) {
          if (run != null) {
            runs.add(run);
            dynamic.add(null);
            run = null;
          }
          runs.add(null);
          dynamic.add(relationshipOut);
        } else if (relationshipOut.links != null) {
          // Never written without links and linkage; with links, always.
          run = run == null ? relationshipOut.member : run.join(COMMA).join(relationshipOut.member);
        }
      }
      if (run != null) {
        runs.add(run);
        dynamic.add(null);
      }
      this.runs = runs.toArray(Spliced[]::new);
      this.dynamic = dynamic.toArray(RelationshipOut[]::new);
    }

    void write(DocumentWriter writer, JsonBytes out, byte[] id, Map<String, Linkage> linkages) {
      boolean started = false;
      for (int i = 0; i < runs.length; i++) {
        if (runs[i] != null) {
          out.raw(started ? COMMA : RELATIONSHIPS);
          runs[i].write(out, id);
          started = true;
        } else {
          started |= writer.relationship(out, dynamic[i], id, linkages, started);
        }
      }
      if (started) {
        out.raw('}');
      }
    }
  }

  private void included(JsonBytes out, Rendering rendering) {
    if (rendering.included().isEmpty()) {
      return;
    }
    out.raw(INCLUDED);
    boolean first = true;
    for (StoredResource resource : rendering.included()) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      String schema = rendering.includedSchemas().get(resource.type());
      resource(out, schema == null ? model.defaultSchema(resource.type()) : model.schema(schema), resource, rendering);
    }
    out.raw(']');
  }

  /**
   * A stored attribute value, as Jackson's default serializer writes it: the values parsed from
   * stored JSON (maps, lists, strings, numbers, booleans) directly; anything else (a behaviour's
   * own value object) through Jackson, so that it still renders as it always did.
   */
  private void value(JsonBytes out, Object value) {
    switch (value) {
      case null -> out.raw(NULL);
      case String text -> out.string(text);
      case Boolean flag -> out.raw(flag ? TRUE : FALSE);
      case Number number when isPlainNumber(number) -> out.number(number);
      case Map<?, ?> map -> {
        out.raw('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!first) {
            out.raw(',');
          }
          first = false;
          out.string(String.valueOf(entry.getKey())).raw(':');
          value(out, entry.getValue());
        }
        out.raw('}');
      }
      case List<?> list -> {
        out.raw('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.raw(',');
          }
          value(out, list.get(i));
        }
        out.raw(']');
      }
      default -> out.raw(viaJackson(value));
    }
  }

  private static boolean isPlainNumber(Number number) {
    return number instanceof Integer || number instanceof Long || number instanceof Double
        || number instanceof Float || number instanceof Short || number instanceof Byte
        || number instanceof java.math.BigInteger || number instanceof java.math.BigDecimal;
  }

  private byte[] viaJackson(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an attribute value Jackson cannot write: " + value.getClass(), e);
    }
  }

  private void identifiers(JsonBytes out, String type, List<String> ids) {
    out.raw('[');
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      identifier(out, type, ids.get(i));
    }
    out.raw(']');
  }

  private void identifier(JsonBytes out, String type, String id) {
    byte[] start = identifierStarts.computeIfAbsent(type,
        t -> new JsonBytes(32).raw(JsonBytes.syntax("{\"type\":")).string(t).raw(JsonBytes.syntax(",\"id\":"))
            .toByteArray());
    out.raw(start).string(id).raw('}');
  }

  private static void pagedLinks(JsonBytes out, String selfUrl, Optional<String> nextUrl) {
    out.raw(LINKS_SELF).string(selfUrl);
    if (nextUrl.isPresent()) {
      out.raw(NEXT).string(nextUrl.get());
    }
    out.raw('}');
  }

  private static void paging(JsonBytes out, long total, int limit) {
    out.raw(META_PAGING_TOTAL).number(total).raw(LIMIT).number(limit).raw(CLOSE_PAGING);
  }

  private SchemaOut schemaOut(ResourceSchema schema) {
    SchemaOut pieces = schemas.get(schema.name());
    if (pieces == null) {
      pieces = schemas.computeIfAbsent(schema.name(), name -> new SchemaOut(schema, model, baseUrl));
    }
    return pieces;
  }

  /** The pre-encoded, resource-independent pieces of every resource of one schema. */
  private static final class SchemaOut {
    /** {@code {"type":"<type>","id":"} : the id's content follows. */
    final byte[] typeAndId;
    final AttributeOut[] attributes;
    final RelationshipOut[] relationships;
    /** {@code ,"links":{"self":"<url>"}}} around the id: the end of a resource. */
    final Spliced selfAndEnd;
    final RelationshipPlan withoutLinkage;
    /** By the names of the relationships that carry linkage (the request's includes). */
    final Map<Set<String>, RelationshipPlan> plans = new ConcurrentHashMap<>();

    SchemaOut(ResourceSchema schema, Model model, String baseUrl) {
      typeAndId = new JsonBytes(64).raw(JsonBytes.syntax("{\"type\":")).string(schema.type())
          .raw(JsonBytes.syntax(",\"id\":\"")).toByteArray();
      attributes = schema.attributes().entrySet().stream()
          .map(entry -> new AttributeOut(entry.getKey(), entry.getValue()))
          .toArray(AttributeOut[]::new);
      relationships = schema.relationships().entrySet().stream()
          .map(entry -> new RelationshipOut(schema.type(), entry.getKey(), entry.getValue(), model, baseUrl))
          .toArray(RelationshipOut[]::new);
      selfAndEnd = Spliced.of(",\"links\":{\"self\":\"", baseUrl, model.instanceTemplate(schema.type()), "\"}}");
      withoutLinkage = new RelationshipPlan(relationships, Set.of());
    }

    RelationshipPlan plan(Set<String> withLinkage) {
      if (withLinkage.isEmpty()) {
        return withoutLinkage;
      }
      RelationshipPlan plan = plans.get(withLinkage);
      return plan != null ? plan : plans.computeIfAbsent(Set.copyOf(withLinkage),
          names -> new RelationshipPlan(relationships, names));
    }
  }

  private static final class AttributeOut {
    final String name;
    /** {@code "<name>":} */
    final byte[] field;
    final boolean nullable;

    AttributeOut(String name, Shape shape) {
      this.name = name;
      this.field = fieldName(name);
      this.nullable = shape.nullable();
    }
  }

  /** One relationship of a schema: its name and, where the catalog has links, both links around the id. */
  private static final class RelationshipOut {
    final String name;
    /** {@code "<name>":{} */
    final byte[] field;
    final Relationship relationship;
    /** {@code "links":{"self":"…","related":"…"}} (either may be missing), or null without links. */
    final Spliced links;
    /** The whole member without linkage, {@code "<name>":{"links":{…}}}, or null without links. */
    final Spliced member;

    RelationshipOut(String type, String name, Relationship relationship, Model model, String baseUrl) {
      this.name = name;
      this.field = new JsonBytes(name.length() + 4).raw(fieldName(name)).raw('{').toByteArray();
      this.relationship = relationship;
      PathTemplate self = relationship.links() ? model.relationshipTemplate(type, name) : null;
      PathTemplate related = relationship.links() ? model.relatedTemplate(type, name) : null;
      if (self == null && related == null) {
        links = null;
      } else if (related == null) {
        links = Spliced.of("\"links\":{\"self\":\"", baseUrl, self, "\"}");
      } else if (self == null) {
        links = Spliced.of("\"links\":{\"related\":\"", baseUrl, related, "\"}");
      } else {
        links = Spliced.of("\"links\":{\"self\":\"", baseUrl, self, "\"}")
            .then(Spliced.of(",\"related\":\"", baseUrl, related, "\"}"));
      }
      member = links == null ? null : new Spliced(new byte[][] {field}).join(links).join(new byte[] {'}'});
    }
  }

  private static byte[] fieldName(String name) {
    return new JsonBytes(name.length() + 3).string(name).raw(':').toByteArray();
  }

  /**
   * Pre-encoded bytes with the resource's (encoded) id spliced in wherever a template has
   * {@code {id}}: {@code parts[0] id parts[1] id … parts[n]}.
   */
  private record Spliced(byte[][] parts) {
    /** {@code before} (JSON syntax), then the escaped {@code baseUrl + template}, then {@code after} (syntax). */
    static Spliced of(String before, String baseUrl, PathTemplate template, String after) {
      // A character no URL path contains marks where the id goes.
      String marker = "\u0000";
      String link = baseUrl + template.fill(marker);
      String[] pieces = link.split(marker, -1);
      byte[][] parts = new byte[pieces.length][];
      for (int i = 0; i < pieces.length; i++) {
        JsonBytes part = new JsonBytes(64);
        if (i == 0) {
          part.raw(JsonBytes.syntax(before));
        }
        part.content(pieces[i]);
        if (i == pieces.length - 1) {
          part.raw(JsonBytes.syntax(after));
        }
        parts[i] = part.toByteArray();
      }
      return new Spliced(parts);
    }

    /**
     * This followed by {@code next}, whose first part is joined to this one's last: for two links
     * in one object, this one's closing brace is dropped.
     */
    Spliced then(Spliced next) {
      byte[][] joined = new byte[parts.length + next.parts.length - 1][];
      System.arraycopy(parts, 0, joined, 0, parts.length - 1);
      byte[] last = parts[parts.length - 1];
      byte[] first = next.parts[0];
      byte[] middle = new byte[last.length - 1 + first.length];
      System.arraycopy(last, 0, middle, 0, last.length - 1);
      System.arraycopy(first, 0, middle, last.length - 1, first.length);
      joined[parts.length - 1] = middle;
      System.arraycopy(next.parts, 1, joined, parts.length, next.parts.length - 1);
      return new Spliced(joined);
    }

    /** This followed by {@code next}: this one's last part and next's first become one. */
    Spliced join(Spliced next) {
      byte[][] joined = new byte[parts.length + next.parts.length - 1][];
      System.arraycopy(parts, 0, joined, 0, parts.length - 1);
      byte[] last = parts[parts.length - 1];
      byte[] first = next.parts[0];
      byte[] middle = Arrays.copyOf(last, last.length + first.length);
      System.arraycopy(first, 0, middle, last.length, first.length);
      joined[parts.length - 1] = middle;
      System.arraycopy(next.parts, 1, joined, parts.length, next.parts.length - 1);
      return new Spliced(joined);
    }

    Spliced join(byte[] constant) {
      return join(new Spliced(new byte[][] {constant}));
    }

    void write(JsonBytes out, byte[] id) {
      out.spliced(parts, id);
    }
  }

  // ---- metrics: rare and small documents, written with Jackson's generator ----

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
