package io.pomona.store;

/**
 * One attribute of one resource type that clients may filter or sort on, so that the store keeps an
 * index making such a query a seek instead of a scan. See {@link Tx#ensureIndexes}.
 *
 * @param type a resource type, e.g. {@code builds}
 * @param attribute a top-level attribute of that type, e.g. {@code uploadedDate}
 */
public record IndexSpec(String type, String attribute) {
  public IndexSpec {
    SafeName.require(type, "type");
    SafeName.require(attribute, "attribute");
  }
}
