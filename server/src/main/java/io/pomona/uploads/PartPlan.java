package io.pomona.uploads;

import java.util.ArrayList;
import java.util.List;

/**
 * How a file of {@code fileSize} bytes is cut into parts of {@code partSize} bytes (the last one
 * shorter): part {@code n} (from 1) covers {@code [offset, offset + length)}.
 */
public record PartPlan(long fileSize, long partSize) {

  /** One part of the file. */
  public record Part(int number, long offset, long length) {}

  public PartPlan {
    if (fileSize < 1) {
      throw new IllegalArgumentException("a file has at least one byte: " + fileSize);
    }
    if (partSize < 1) {
      throw new IllegalArgumentException("a part has at least one byte: " + partSize);
    }
  }

  public int count() {
    return Math.toIntExact((fileSize + partSize - 1) / partSize);
  }

  /** Part {@code number} (from 1 to {@link #count()}). */
  public Part part(int number) {
    if (number < 1 || number > count()) {
      throw new IllegalArgumentException("part " + number + " is not in 1.." + count());
    }
    long offset = (number - 1) * partSize;
    return new Part(number, offset, Math.min(partSize, fileSize - offset));
  }

  public List<Part> parts() {
    List<Part> parts = new ArrayList<>(count());
    for (int number = 1; number <= count(); number++) {
      parts.add(part(number));
    }
    return parts;
  }
}
