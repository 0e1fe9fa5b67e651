package io.pomona.behaviour;

/**
 * The event types the engine records for every write. They are Pomona's names (Apple has no such
 * events); processes add their own, named the way Apple names webhook events ({@code
 * <TYPE>_<ATTRIBUTE>_UPDATED}, e.g. {@code BUILD_PROCESSING_STATE_UPDATED}). An event's payload
 * lists the written {@code attributes} and {@code relationships} by name and the write's {@code
 * origin}.
 */
public final class EventTypes {
  public static final String RESOURCE_CREATED = "RESOURCE_CREATED";
  public static final String RESOURCE_UPDATED = "RESOURCE_UPDATED";
  public static final String RESOURCE_DELETED = "RESOURCE_DELETED";

  private EventTypes() {}
}
