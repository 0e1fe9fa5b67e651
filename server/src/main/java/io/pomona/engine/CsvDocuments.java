package io.pomona.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.pomona.catalog.Relationship;
import io.pomona.catalog.ResourceSchema;
import io.pomona.store.Edge;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code text/csv} form of a list (the price point lists offer it besides JSON, OpenAPI 4.4.1).
 * Apple documents no columns, so Pomona's are its own, derived from the listed schema: {@code id},
 * then each attribute in the schema's order, then the related id of each to-one relationship that
 * carries linkage ({@code app}, {@code territory}). One header row, then a row per resource; values
 * that are not scalars are written as JSON.
 */
final class CsvDocuments {
  static final String CSV = "text/csv";

  private final Model model;
  private final ObjectMapper json;
  // Quotes only the values that need it (RFC 4180), not every one with punctuation.
  private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  CsvDocuments(Model model, ObjectMapper json) {
    this.model = model;
    this.json = json;
  }

  byte[] table(Tx tx, String team, ResourceSchema schema, List<StoredResource> items) {
    List<String> attributes = List.copyOf(schema.attributes().keySet());
    List<String> toOne = new ArrayList<>();
    schema.relationships().forEach((name, relationship) -> {
      if (isColumn(relationship)) {
        toOne.add(name);
      }
    });
    Map<String, Map<String, String>> relatedIds = new HashMap<>();
    List<String> ids = items.stream().map(StoredResource::id).toList();
    for (String name : toOne) {
      relatedIds.put(name, relatedIds(tx, team, schema.type(), name, ids));
    }
    CsvSchema.Builder header = CsvSchema.builder().setUseHeader(true).addColumn("id");
    attributes.forEach(header::addColumn);
    toOne.forEach(header::addColumn);
    List<Map<String, String>> rows = new ArrayList<>(items.size());
    for (StoredResource item : items) {
      Map<String, String> row = new HashMap<>();
      row.put("id", item.id());
      for (String attribute : attributes) {
        row.put(attribute, cell(item.attributes().get(attribute)));
      }
      for (String name : toOne) {
        row.put(name, relatedIds.get(name).getOrDefault(item.id(), ""));
      }
      rows.add(row);
    }
    try {
      return csv.writer(header.build()).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The id each item relates to through a to-one relationship: one batched read per relationship. */
  private Map<String, String> relatedIds(Tx tx, String team, String type, String name, List<String> ids) {
    EdgeRef edge = model.edge(type, name);
    String edgeTeam = model.teamFor(type, team);
    Map<String, List<Edge>> edges = edge.typeIsFrom()
        ? tx.targetsOfEach(edgeTeam, edge.relation(), ids, 1)
        : tx.sourcesOfEach(edgeTeam, edge.relation(), ids, 1);
    Map<String, String> related = new HashMap<>();
    edges.forEach((id, list) -> list.stream().findFirst()
        .ifPresent(e -> related.put(id, edge.typeIsFrom() ? e.toId() : e.fromId())));
    return related;
  }

  private String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A to-one relationship with linkage: one related id per row. */
  private static boolean isColumn(Relationship relationship) {
    return !relationship.toMany() && relationship.linkage();
  }
}
