package io.pomona.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for a person about a local file the CLI could not read or write, e.g. {@code cannot
 * write out/state.json: no such directory}. Java's own messages name the path and not the cause
 * ({@link NoSuchFileException#getMessage()} is the path alone), and a stack trace helps nobody who
 * mistyped a path.
 */
final class LocalFileFailure {
  private LocalFileFailure() {}

  /**
   * {@code e}'s message (what was being done) with the cause's reason; the reason alone when the
   * message is only the cause's {@code toString()} (the one-argument constructor puts it there).
   */
  static String describe(UncheckedIOException e) {
    return e.getMessage().startsWith(e.getCause().getClass().getName())
        ? reason(e.getCause())
        : e.getMessage() + ": " + reason(e.getCause());
  }

  /** Why an I/O operation failed, in words, without the path (the caller names it). */
  static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file or directory";
      case AccessDeniedException denied -> "permission denied";
      case NotDirectoryException notDirectory -> "not a directory";
      case FileAlreadyExistsException exists -> "a file of that name exists";
      case FileSystemException other when other.getReason() != null -> lowerFirst(other.getReason());
      case JsonProcessingException notJson -> "not JSON (" + notJson.getOriginalMessage() + ")";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
