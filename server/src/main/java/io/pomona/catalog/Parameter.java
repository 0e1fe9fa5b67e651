package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A query parameter an operation accepts, by its exact name ({@code filter[platform]},
 * {@code fields[apps]}, {@code include}, {@code limit}, {@code limit[builds]}, {@code sort},
 * {@code exists[app]}, or a custom one such as {@code granularity}). For comma-separated
 * parameters {@code shape} is an array whose items carry the enum.
 */
public record Parameter(
    Shape shape,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean required,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deprecated) {}
