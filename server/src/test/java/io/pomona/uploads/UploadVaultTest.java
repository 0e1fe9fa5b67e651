package io.pomona.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.error.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault on its own: parts, commits and their checksums, on a fixed clock and small parts. */
class UploadVaultTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path directory;

  private UploadVault vault(Instant now) {
    return new UploadVault(directory, 10, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static byte[] file(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static void put(UploadVault vault, Reservation reservation, int part, byte[] file) {
    PartPlan.Part range = reservation.plan().part(part);
    byte[] bytes = Arrays.copyOfRange(file, (int) range.offset(), (int) (range.offset() + range.length()));
    vault.putPart(reservation.token(), part, bytes.length, new ByteArrayInputStream(bytes));
  }

  private static String hex(String algorithm, byte[]... chunks) throws Exception {
    MessageDigest digest = MessageDigest.getInstance(algorithm);
    for (byte[] chunk : chunks) {
      digest.update(chunk);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  void aPlanCutsTheFileIntoFullPartsAndAShortLastOne() {
    PartPlan plan = new PartPlan(25, 10);
    assertThat(plan.count()).isEqualTo(3);
    assertThat(plan.parts()).extracting(PartPlan.Part::offset).containsExactly(0L, 10L, 20L);
    assertThat(plan.parts()).extracting(PartPlan.Part::length).containsExactly(10L, 10L, 5L);
    assertThat(new PartPlan(20, 10).count()).isEqualTo(2);
    assertThat(new PartPlan(1, 10).parts()).singleElement().satisfies(p -> assertThat(p.length()).isEqualTo(1));
  }

  @Test
  void partsInAnyOrderCommitToTheWholeFilesChecksums() throws Exception {
    UploadVault vault = vault(NOW);
    byte[] file = file(25);
    Reservation reservation = vault.reserve(25, "application/octet-stream");
    put(vault, reservation, 3, file);
    put(vault, reservation, 1, file);
    put(vault, reservation, 2, file);

    Committed committed = vault.commit(reservation.token());

    assertThat(committed.size()).isEqualTo(25);
    assertThat(committed.md5()).isEqualTo(hex("MD5", file));
    assertThat(committed.sha256()).isEqualTo(hex("SHA-256", file));
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    byte[] partDigests = new byte[0];
    for (int[] range : new int[][] {{0, 10}, {10, 20}, {20, 25}}) {
      byte[] part = md5.digest(Arrays.copyOfRange(file, range[0], range[1]));
      partDigests = concat(partDigests, part);
    }
    assertThat(committed.compositeMd5()).isEqualTo(hex("MD5", partDigests));
    assertThat(Files.readAllBytes(vault.blob(committed.sha256()).orElseThrow())).isEqualTo(file);
    assertThat(committed.matches("SHA_256", committed.sha256().toUpperCase())).isTrue();
    assertThat(committed.matches("MD5", hex("MD5", file(24)))).isFalse();
  }

  @Test
  void aCommitIsSealedAndAnswersTheSameWhenRepeated() {
    UploadVault vault = vault(NOW);
    byte[] file = file(5);
    Reservation reservation = vault.reserve(5, "image/png");
    put(vault, reservation, 1, file);
    Committed first = vault.commit(reservation.token());

    assertThat(vault.commit(reservation.token())).isEqualTo(first);
    assertThatThrownBy(() -> put(vault, reservation, 1, file))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void aCommitBeforeEveryPartNamesTheMissingOnes() {
    UploadVault vault = vault(NOW);
    Reservation reservation = vault.reserve(35, "application/octet-stream");
    put(vault, reservation, 2, file(35));

    assertThatThrownBy(() -> vault.commit(reservation.token()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errors().get(0).detail()).hasValue("Not every part has been uploaded: missing parts 1, 3, 4 of 4");
        });
  }

  @Test
  void aBodyLongerThanItsPartIsRefusedAndNothingIsKept() {
    UploadVault vault = vault(NOW);
    Reservation reservation = vault.reserve(15, "application/octet-stream");

    assertThatThrownBy(() -> vault.putPart(reservation.token(), 2, -1, new ByteArrayInputStream(new byte[6])))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).detail())
            .hasValue("Part 2 is 5 bytes long; the request sent 6 or more"));
    vault.putPart(reservation.token(), 2, -1, new ByteArrayInputStream(new byte[5]));
    try (var files = Files.list(directory.resolve("parts").resolve(reservation.token()))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("manifest", "part-2");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anExpiredReservationTakesNoParts() {
    Reservation reservation = vault(NOW).reserve(5, "application/octet-stream");
    UploadVault later = vault(NOW.plus(UploadVault.RESERVATION_LIFETIME).plus(Duration.ofSeconds(1)));

    assertThatThrownBy(() -> put(later, reservation, 1, file(5)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> later.reservation("../../etc"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void theSamePartSentConcurrentlyIsKeptOnce() throws Exception {
    UploadVault vault = vault(NOW);
    Reservation reservation = vault.reserve(10, "application/octet-stream");
    byte[] file = file(10);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> attempts = java.util.stream.IntStream.range(0, 8)
          .mapToObj(i -> pool.submit(() -> {
            try {
              put(vault, reservation, 1, file);
              return true;
            } catch (ApiException refused) {
              return false;
            }
          })).toList();
      long stored = 0;
      for (Future<Boolean> attempt : attempts) {
        stored += attempt.get() ? 1 : 0;
      }
      assertThat(stored).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(vault.commit(reservation.token()).sha256()).isEqualTo(hex("SHA-256", file));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
