package io.pomona.catalog;

/**
 * A query parameter an operation accepts, by its exact name ({@code filter[platform]},
 * {@code fields[apps]}, {@code include}, {@code limit}, {@code limit[builds]}, {@code sort},
 * {@code exists[app]}, or a custom one such as {@code granularity}). For comma-separated
 * parameters {@code shape} is an array whose items carry the enum.
 */
public record Parameter(Shape shape, boolean required, boolean deprecated) {}
