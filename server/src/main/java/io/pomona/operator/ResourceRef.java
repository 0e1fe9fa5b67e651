package io.pomona.operator;

/** A resource named by its JSON:API type and id. */
public record ResourceRef(String type, String id) {}
