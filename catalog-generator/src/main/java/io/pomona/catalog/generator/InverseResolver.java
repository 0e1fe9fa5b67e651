package io.pomona.catalog.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settles inverse relationships over resource types (the union of a type's schemas).
 *
 * <p>For relationship {@code r} on type A with target B, the candidates are the relationships on B
 * that target A. Exactly one candidate makes the pair; none makes {@code r} one-directional;
 * several must be settled by {@link InverseOverrides}. A relationship from a type to itself is
 * always settled by the table, since it may be its own inverse, pair with a sibling ({@code
 * appCategories} parent/subcategories), or be one-directional. Aliases do not count as candidates
 * and take their canonical relationship's inverse, and a relationship named in the table is no
 * candidate for any other. Every problem is reported at once, and the result is checked to be
 * symmetric.
 */
final class InverseResolver {

  /** A relationship of a resource type, as {@code type.name}. */
  record Key(String type, String name) {
    static Key parse(String qualified) {
      int dot = qualified.indexOf('.');
      if (dot <= 0 || dot == qualified.length() - 1) {
        throw new IllegalArgumentException("expected type.relationship, got: " + qualified);
      }
      return new Key(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    @Override
    public String toString() {
      return type + "." + name;
    }
  }

  /** A relationship of a type, merged over the type's schemas. */
  record TypeRelationship(String target, boolean toMany, boolean linkage) {}

  /** How a relationship was settled. */
  record Settled(Optional<String> inverse, Optional<String> alias) {}

  /**
   * Counts for the maintainer, over type-level relationships.
   *
   * @param relationships relationships of resource types (each name once per type)
   * @param candidateCounts how many relationships have n candidate inverses (n → count); a
   *     relationship from a type to itself counts itself
   * @param linksOnly relationships that no schema gives linkage data
   * @param aliases relationships that read another relationship's edge
   * @param pairsByInference edges seen from both sides, paired by their single candidate
   * @param pairsByTable edges seen from both sides, paired by the table
   * @param oneDirectional canonical relationships without an inverse
   */
  record Report(
      int relationships,
      Map<Integer, Integer> candidateCounts,
      int linksOnly,
      int aliases,
      int pairsByInference,
      int pairsByTable,
      int oneDirectional) {}

  /** The outcome: how every type-level relationship is settled, and the counts. */
  record Result(Map<Key, Settled> settled, Report report) {}

  private InverseResolver() {}

  static Result resolve(Map<Key, TypeRelationship> relationships, InverseOverrides overrides) {
    List<String> problems = new ArrayList<>();
    Map<Key, Key> aliases = aliases(relationships, overrides, problems);
    Map<Key, Optional<Key>> fixed = fixedInverses(relationships, overrides, aliases, problems);

    Map<Key, Optional<Key>> inverses = new LinkedHashMap<>();
    for (Map.Entry<Key, TypeRelationship> entry : relationships.entrySet()) {
      Key key = entry.getKey();
      if (aliases.containsKey(key)) {
        continue;
      }
      if (fixed.containsKey(key)) {
        inverses.put(key, fixed.get(key));
        continue;
      }
      TypeRelationship relationship = entry.getValue();
      List<Key> candidates = new ArrayList<>();
      for (Map.Entry<Key, TypeRelationship> other : relationships.entrySet()) {
        Key otherKey = other.getKey();
        if (otherKey.type().equals(relationship.target())
            && other.getValue().target().equals(key.type())
            && !aliases.containsKey(otherKey)
            && !fixed.containsKey(otherKey)) {
          candidates.add(otherKey);
        }
      }
      if (key.type().equals(relationship.target())) {
        problems.add(
            key + " relates " + key.type() + " to itself: settle it in the inverses table");
      } else if (candidates.size() > 1) {
        problems.add(key + " has several candidate inverses " + candidates + ": settle it");
      } else {
        inverses.put(key, candidates.stream().findFirst());
      }
    }
    checkSymmetry(inverses, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "inverse relationships are not settled:\n  " + String.join("\n  ", problems));
    }

    Map<Key, Settled> settled = new LinkedHashMap<>();
    for (Key key : relationships.keySet()) {
      Key canonical = aliases.getOrDefault(key, key);
      settled.put(
          key,
          new Settled(
              inverses.get(canonical).map(Key::name),
              Optional.ofNullable(aliases.get(key)).map(Key::name)));
    }
    return new Result(settled, report(relationships, aliases, fixed, inverses));
  }

  private static Map<Key, Key> aliases(
      Map<Key, TypeRelationship> relationships, InverseOverrides overrides, List<String> problems) {
    Map<Key, Key> aliases = new LinkedHashMap<>();
    for (InverseOverrides.Alias alias : overrides.aliases()) {
      Key key = Key.parse(alias.relationship());
      Key canonical = new Key(key.type(), alias.sameEdgeAs());
      TypeRelationship relationship = relationships.get(key);
      TypeRelationship target = relationships.get(canonical);
      if (relationship == null || target == null) {
        problems.add("alias " + key + " -> " + canonical + " names an unknown relationship");
      } else if (!relationship.target().equals(target.target())
          || relationship.toMany() != target.toMany()) {
        problems.add("alias " + key + " -> " + canonical + " differs in target or cardinality");
      } else if (aliases.put(key, canonical) != null) {
        problems.add("alias " + key + " is declared twice");
      }
    }
    aliases.forEach(
        (key, canonical) -> {
          if (aliases.containsKey(canonical)) {
            problems.add("alias " + key + " -> " + canonical + " points at another alias");
          }
        });
    return aliases;
  }

  /** Inverses named by the table, both directions. */
  private static Map<Key, Optional<Key>> fixedInverses(
      Map<Key, TypeRelationship> relationships,
      InverseOverrides overrides,
      Map<Key, Key> aliases,
      List<String> problems) {
    Map<Key, Optional<Key>> fixed = new LinkedHashMap<>();
    for (InverseOverrides.Inverse entry : overrides.inverses()) {
      Key key = Key.parse(entry.relationship());
      Optional<Key> inverse = Optional.ofNullable(entry.inverse()).map(Key::parse);
      if (!relationships.containsKey(key)
          || inverse.filter(i -> !relationships.containsKey(i)).isPresent()) {
        problems.add("inverse entry for " + key + " names an unknown relationship");
        continue;
      }
      if (aliases.containsKey(key) || inverse.filter(aliases::containsKey).isPresent()) {
        problems.add(
            "inverse entry for " + key + " names an alias; name the canonical relationship");
        continue;
      }
      if (inverse.isPresent()) {
        TypeRelationship forward = relationships.get(key);
        TypeRelationship backward = relationships.get(inverse.get());
        if (!inverse.get().type().equals(forward.target())
            || !backward.target().equals(key.type())) {
          problems.add(key + " and " + inverse.get() + " do not target each other's types");
          continue;
        }
      }
      putConsistently(fixed, key, inverse, problems);
      inverse.ifPresent(other -> putConsistently(fixed, other, Optional.of(key), problems));
    }
    return fixed;
  }

  private static void putConsistently(
      Map<Key, Optional<Key>> fixed, Key key, Optional<Key> inverse, List<String> problems) {
    Optional<Key> previous = fixed.putIfAbsent(key, inverse);
    if (previous != null && !previous.equals(inverse)) {
      problems.add("the table gives " + key + " two inverses: " + previous + " and " + inverse);
    }
  }

  private static void checkSymmetry(Map<Key, Optional<Key>> inverses, List<String> problems) {
    inverses.forEach(
        (key, inverse) ->
            inverse.ifPresent(
                other -> {
                  Optional<Key> back = inverses.get(other);
                  if (back != null && !back.equals(Optional.of(key))) {
                    problems.add(
                        key
                            + " -> "
                            + other
                            + " but "
                            + other
                            + " -> "
                            + back.map(Key::toString).orElse("none"));
                  }
                }));
  }

  private static Report report(
      Map<Key, TypeRelationship> relationships,
      Map<Key, Key> aliases,
      Map<Key, Optional<Key>> fixed,
      Map<Key, Optional<Key>> inverses) {
    Map<String, Integer> byTypeAndTarget = new HashMap<>();
    relationships.forEach(
        (key, relationship) ->
            byTypeAndTarget.merge(key.type() + "->" + relationship.target(), 1, Integer::sum));
    Map<Integer, Integer> candidateCounts = new TreeMap<>();
    int linksOnly = 0;
    for (Map.Entry<Key, TypeRelationship> entry : relationships.entrySet()) {
      TypeRelationship relationship = entry.getValue();
      linksOnly += relationship.linkage() ? 0 : 1;
      candidateCounts.merge(
          byTypeAndTarget.getOrDefault(relationship.target() + "->" + entry.getKey().type(), 0),
          1,
          Integer::sum);
    }
    int pairsByInference = 0;
    int pairsByTable = 0;
    int oneDirectional = 0;
    for (Map.Entry<Key, Optional<Key>> entry : inverses.entrySet()) {
      Key key = entry.getKey();
      if (entry.getValue().isEmpty()) {
        oneDirectional++;
      } else if (key.toString().compareTo(entry.getValue().get().toString()) <= 0) {
        // each pair once, from its alphabetically first side
        if (fixed.containsKey(key)) {
          pairsByTable++;
        } else {
          pairsByInference++;
        }
      }
    }
    return new Report(
        relationships.size(),
        candidateCounts,
        linksOnly,
        aliases.size(),
        pairsByInference,
        pairsByTable,
        oneDirectional);
  }
}
