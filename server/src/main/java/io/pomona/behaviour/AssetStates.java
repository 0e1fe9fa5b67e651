package io.pomona.behaviour;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apple's processing states of uploaded files as attribute values: {@code AppMediaAssetState}
 * (the {@code assetDeliveryState} of a build's file and of every media asset), a build upload's
 * {@code state} (the same with {@code infos}), and their {@code AppMediaStateError} entries.
 * The upload flows and the demo write them through here, so a seeded value and a processed one
 * have the same members in the same order.
 */
public final class AssetStates {
  private AssetStates() {}

  /** An {@code AppMediaAssetState}: {@code errors}, no {@code warnings}, {@code state}. */
  public static Map<String, Object> delivery(String state, List<Map<String, Object>> errors) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("errors", errors);
    value.put("warnings", List.of());
    value.put("state", state);
    return value;
  }

  /** A build upload's state: {@code errors}, no {@code warnings} or {@code infos}, {@code state}. */
  public static Map<String, Object> upload(String state, List<Map<String, Object>> errors) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("errors", errors);
    value.put("warnings", List.of());
    value.put("infos", List.of());
    value.put("state", state);
    return value;
  }

  /** An {@code AppMediaStateError}: a code and what a person should read. */
  public static Map<String, Object> error(String code, String description) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("description", description);
    return error;
  }
}
