package io.pomona.domain.provisioning;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@code openssl} command, when the machine has it: standard tools must accept our artifacts. */
final class OpenSsl {
  private OpenSsl() {}

  record Result(int exitCode, String output) {}

  /** Skips the calling test (saying why) when {@code openssl} is not on the PATH. */
  static void assumeAvailable() {
    boolean found = executable().isPresent();
    if (!found) {
      System.out.println("SKIPPED: openssl is not on the PATH; the standard-tool checks did not run");
    }
    assumeTrue(found, "openssl is not on the PATH");
  }

  static Result run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable().orElseThrow().toString());
    command.addAll(Arrays.asList(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("openssl did not finish: " + command);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static Optional<Path> executable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .map(directory -> Path.of(directory, "openssl"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
