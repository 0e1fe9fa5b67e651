package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The 14 operation kinds of the API, named by their operationId suffix. */
public enum OperationKind {
  GET_COLLECTION("getCollection"),
  GET_INSTANCE("getInstance"),
  CREATE_INSTANCE("createInstance"),
  UPDATE_INSTANCE("updateInstance"),
  DELETE_INSTANCE("deleteInstance"),
  GET_TO_ONE_RELATED("getToOneRelated"),
  GET_TO_MANY_RELATED("getToManyRelated"),
  GET_TO_ONE_RELATIONSHIP("getToOneRelationship"),
  GET_TO_MANY_RELATIONSHIP("getToManyRelationship"),
  UPDATE_TO_ONE_RELATIONSHIP("updateToOneRelationship"),
  CREATE_TO_MANY_RELATIONSHIP("createToManyRelationship"),
  REPLACE_TO_MANY_RELATIONSHIP("replaceToManyRelationship"),
  DELETE_TO_MANY_RELATIONSHIP("deleteToManyRelationship"),
  GET_METRICS("getMetrics");

  private final String suffix;

  OperationKind(String suffix) {
    this.suffix = suffix;
  }

  @JsonValue
  public String suffix() {
    return suffix;
  }

  @JsonCreator
  public static OperationKind fromSuffix(String suffix) {
    return Arrays.stream(values())
        .filter(k -> k.suffix.equals(suffix))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown operation kind: " + suffix));
  }
}
