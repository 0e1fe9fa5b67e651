package io.pomona.behaviour;

import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes a team's resources inside the current transaction, the way the engine does:
 * writes run the behaviours of their types (so they nest) and record events. Implemented by the
 * engine; relationship names and types are Apple's, checked against the catalog (an unknown one is
 * a programming error: {@link IllegalArgumentException}).
 */
public interface ResourceAccess {

  /** The team whose resources this reads and writes. */
  String teamId();

  Optional<StoredResource> get(String type, String id);

  /**
   * Up to {@code limit} resources of a type whose attributes equal all of {@code equalTo} (String,
   * number or Boolean values), in insertion order.
   */
  List<StoredResource> find(String type, Map<String, Object> equalTo, int limit);

  /** Up to {@code limit} resources related to ({@code type}, {@code id}) through one relationship. */
  List<StoredResource> related(String type, String id, String relationship, int limit);

  /**
   * Up to {@code limit} resources of {@code type} whose {@code relationship} holds {@code targetId}:
   * the relationship read backwards, for one that only the other side declares (an app's {@code
   * buildUploads}, a webhook's {@code deliveries}).
   */
  List<StoredResource> referrers(String type, String relationship, String targetId, int limit);

  /**
   * Creates a resource (a new id unless {@code id} is given) with relationships given as related
   * ids by relationship name; 409 if the id is taken, 409 if a related id does not exist.
   */
  StoredResource create(
      String type,
      Optional<String> id,
      Map<String, Object> attributes,
      Map<String, List<String>> relationships);

  /** Replaces some attributes of a resource, keeping the others; 404 if it does not exist. */
  StoredResource update(String type, String id, Map<String, Object> changes);

  /** Makes {@code targetIds} the only resources related through {@code relationship}. */
  void link(String type, String id, String relationship, List<String> targetIds);

  /**
   * Adds {@code targetIds} to a to-many relationship after the ones it holds (a webhook's new
   * delivery); the write's hooks see only the added ids.
   */
  void addLinks(String type, String id, String relationship, List<String> targetIds);

  /** Deletes a resource and its relationships; 404 if it does not exist. */
  void delete(String type, String id);
}
