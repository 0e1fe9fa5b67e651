package io.pomona.app;

/** Entry point of the {@code pomona} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("pomona");
  }
}
