package io.pomona.uploads;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The bytes of uploads on the file system (see the package description): reservations, their
 * parts, and committed files stored by SHA-256. Safe for concurrent use by one process.
 *
 * <p>Each reservation is a directory {@code parts/<token>/} holding a {@code manifest} (file size,
 * part size, content type, expiry), the parts received ({@code part-<n>}, each written to a temporary
 * file and moved into place only once complete, so that a broken upload leaves no half part), and
 * after the commit a {@code sealed} record of the file's checksums. Sealing makes the commit
 * idempotent: a commit whose database write rolled back can be repeated.
 */
public final class UploadVault {
  /** Parts of 5 MiB: small enough for one request each, large enough to keep the count of parts low. */
  public static final long DEFAULT_PART_BYTES = 5L * 1024 * 1024;

  /**
   * The largest file reserved: Inf, Apple's documented app size limit (4 GB) with room for macOS
   * packages; it keeps a reservation's operations to at most some 1,600 parts.
   */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024 * 1024;

  /** Reservations expire, roughly within a week (api-facts.md §5). */
  public static final Duration RESERVATION_LIFETIME = Duration.ofDays(7);

  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
  private static final HexFormat HEX = HexFormat.of();

  private final Path partsRoot;
  private final Path blobsRoot;
  private final long partSize;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  /**
   * @param root the directory of this vault (created when missing)
   * @param partSize the size of every part but the last
   * @param clock the simulated clock: reservations expire on it
   */
  public UploadVault(Path root, long partSize, Clock clock) {
    this.partsRoot = root.resolve("parts");
    this.blobsRoot = root.resolve("blobs");
    this.partSize = partSize;
    this.clock = clock;
    try {
      Files.createDirectories(partsRoot);
      Files.createDirectories(blobsRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload directories under " + root, e);
    }
  }

  public long partSize() {
    return partSize;
  }

  /** Reserves an upload of {@code fileSize} bytes whose parts are sent with {@code contentType}. */
  public Reservation reserve(long fileSize, String contentType) {
    if (fileSize > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("a file of " + fileSize + " bytes is over the limit of " + MAX_FILE_BYTES);
    }
    byte[] secret = new byte[16];
    random.nextBytes(secret);
    Reservation reservation = new Reservation(HEX.formatHex(secret), new PartPlan(fileSize, partSize), contentType,
        clock.instant().plus(RESERVATION_LIFETIME));
    Properties manifest = new Properties();
    manifest.setProperty("fileSize", Long.toString(fileSize));
    manifest.setProperty("partSize", Long.toString(partSize));
    manifest.setProperty("contentType", contentType);
    manifest.setProperty("expiresAt", Long.toString(reservation.expiresAt().toEpochMilli()));
    Path directory = partsRoot.resolve(reservation.token());
    try {
      Files.createDirectories(directory);
      writeProperties(directory.resolve("manifest"), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reserve an upload in " + directory, e);
    }
    return reservation;
  }

  /** The reservation of a token; 404 when there is none. */
  public Reservation reservation(String token) {
    if (!TOKEN.matcher(token).matches()) {
      throw UploadErrors.unknownReservation(token);
    }
    Path manifestFile = partsRoot.resolve(token).resolve("manifest");
    Properties manifest;
    try {
      manifest = readProperties(manifestFile);
    } catch (NoSuchFileException missing) {
      throw UploadErrors.unknownReservation(token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Reservation(token,
        new PartPlan(Long.parseLong(manifest.getProperty("fileSize")), Long.parseLong(manifest.getProperty("partSize"))),
        manifest.getProperty("contentType"), Instant.ofEpochMilli(Long.parseLong(manifest.getProperty("expiresAt"))));
  }

  /**
   * Stores part {@code partNumber} of an upload from {@code body}. {@code declaredLength} is the
   * request's Content-Length, or -1 when it has none. 404 for an unknown reservation, 403 when it
   * expired, 400 for a part out of range or of the wrong length (nothing is kept), 409 when the
   * part is already there or the upload is committed. Returns the part's MD5 in hex (its ETag).
   */
  public String putPart(String token, int partNumber, long declaredLength, InputStream body) {
    Reservation reservation = reservation(token);
    Path directory = partsRoot.resolve(token);
    if (Files.exists(directory.resolve("sealed"))) {
      throw UploadErrors.committed(token);
    }
    if (clock.instant().isAfter(reservation.expiresAt())) {
      throw UploadErrors.expired(token);
    }
    PartPlan plan = reservation.plan();
    if (partNumber < 1 || partNumber > plan.count()) {
      throw UploadErrors.partOutOfRange(partNumber, plan.count());
    }
    long expected = plan.part(partNumber).length();
    if (declaredLength >= 0 && declaredLength != expected) {
      throw UploadErrors.wrongLength(partNumber, expected, declaredLength);
    }
    Path target = directory.resolve("part-" + partNumber);
    if (Files.exists(target)) {
      throw UploadErrors.partAlreadyUploaded(partNumber);
    }
    Path temporary = directory.resolve("part-" + partNumber + ".incoming-" + Long.toHexString(random.nextLong()));
    try {
      MessageDigest md5 = digest("MD5");
      long received;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), md5)) {
        // One byte past the expected length tells a long body from an exact one.
        received = copyAtMost(body, out, expected + 1);
      }
      if (received != expected) {
        throw UploadErrors.wrongLength(partNumber, expected, received);
      }
      synchronized (lock(token)) {
        if (Files.exists(directory.resolve("sealed"))) {
          throw UploadErrors.committed(token);
        }
        if (Files.exists(target)) {
          throw UploadErrors.partAlreadyUploaded(partNumber);
        }
        move(temporary, target);
      }
      return HEX.formatHex(md5.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store part " + partNumber + " of upload " + token, e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  /**
   * Commits an upload: every part must be there (else 409 naming the missing ones); the parts are
   * joined into one file stored by its SHA-256, and the reservation is sealed so that no more
   * parts are taken. Committing a sealed upload again answers the same checksums.
   */
  public Committed commit(String token) {
    Reservation reservation = reservation(token);
    Path directory = partsRoot.resolve(token);
    synchronized (lock(token)) {
      try {
        Path sealed = directory.resolve("sealed");
        if (Files.exists(directory.resolve("closed-incomplete"))) {
          List<Integer> missing = missingList(readProperties(sealed).getProperty("missing"));
          throw missingParts(missing, reservation.plan().count());
        }
        if (Files.exists(sealed)) {
          Properties record = readProperties(sealed);
          return new Committed(Long.parseLong(record.getProperty("size")), record.getProperty("md5"),
              record.getProperty("sha256"), record.getProperty("compositeMd5"));
        }
        List<Integer> missing = new ArrayList<>();
        for (PartPlan.Part part : reservation.plan().parts()) {
          if (!Files.exists(directory.resolve("part-" + part.number()))) {
            missing.add(part.number());
          }
        }
        if (!missing.isEmpty()) {
          throw missingParts(missing, reservation.plan().count());
        }
        Committed committed = join(directory, reservation.plan());
        Properties record = new Properties();
        record.setProperty("size", Long.toString(committed.size()));
        record.setProperty("md5", committed.md5());
        record.setProperty("sha256", committed.sha256());
        record.setProperty("compositeMd5", committed.compositeMd5());
        writeProperties(sealed, record);
        for (PartPlan.Part part : reservation.plan().parts()) {
          Files.deleteIfExists(directory.resolve("part-" + part.number()));
        }
        return committed;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot commit upload " + token, e);
      }
    }
  }

  /**
   * What arrived of an upload, for assets whose commit Apple accepts whatever arrived and whose
   * processing then fails on missing bytes (screenshots, previews): like {@link #commit}, but an
   * upload missing parts is closed instead of refused (no more parts are taken) and the result
   * names the parts missing. Repeating it answers the same.
   */
  public Delivery deliver(String token) {
    Reservation reservation = reservation(token);
    Path directory = partsRoot.resolve(token);
    synchronized (lock(token)) {
      Path closed = directory.resolve("closed-incomplete");
      try {
        if (Files.exists(closed)) {
          return Delivery.incomplete(missingList(readProperties(closed).getProperty("missing")));
        }
        List<Integer> missing = new ArrayList<>();
        if (!Files.exists(directory.resolve("sealed"))) {
          for (PartPlan.Part part : reservation.plan().parts()) {
            if (!Files.exists(directory.resolve("part-" + part.number()))) {
              missing.add(part.number());
            }
          }
        }
        if (missing.isEmpty()) {
          return Delivery.complete(commit(token));
        }
        Properties record = new Properties();
        record.setProperty("missing", missing.stream().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(",")));
        writeProperties(closed, record);
        // Sealing stops further parts; the parts that did arrive are of no more use.
        writeProperties(directory.resolve("sealed"), record);
        for (PartPlan.Part part : reservation.plan().parts()) {
          Files.deleteIfExists(directory.resolve("part-" + part.number()));
        }
        return Delivery.incomplete(missing);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close upload " + token, e);
      }
    }
  }

  /** The outcome of {@link #deliver}: the committed file, or the parts that never arrived. */
  public record Delivery(Optional<Committed> file, List<Integer> missingParts) {
    static Delivery complete(Committed file) {
      return new Delivery(Optional.of(file), List.of());
    }

    static Delivery incomplete(List<Integer> missingParts) {
      return new Delivery(Optional.empty(), List.copyOf(missingParts));
    }
  }

  private static List<Integer> missingList(String text) {
    return text == null || text.isBlank() ? List.of()
        : java.util.Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
  }

  /**
   * Stores a whole file given at once (the operator's seeded media: demo screenshots), as a
   * committed upload's file is stored; returns its checksums.
   */
  public Committed store(byte[] bytes) {
    MessageDigest md5 = digest("MD5");
    MessageDigest sha256 = digest("SHA-256");
    md5.update(bytes);
    sha256.update(bytes);
    MessageDigest composite = digest("MD5");
    composite.update(md5Of(bytes));
    String sha = HEX.formatHex(sha256.digest());
    Path blob = blobsRoot.resolve(sha);
    if (!Files.exists(blob)) {
      Path incoming = blobsRoot.resolve("incoming-" + Long.toHexString(random.nextLong()));
      try {
        Files.write(incoming, bytes);
        move(incoming, blob);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store a file of " + bytes.length + " bytes", e);
      } finally {
        deleteQuietly(incoming);
      }
    }
    return new Committed(bytes.length, HEX.formatHex(md5.digest()), sha, HEX.formatHex(composite.digest()));
  }

  private static byte[] md5Of(byte[] bytes) {
    return digest("MD5").digest(bytes);
  }

  /** The stored file of a committed upload, by its SHA-256 in hex. */
  public Optional<Path> blob(String sha256) {
    Path blob = blobsRoot.resolve(sha256);
    return DIGEST.matcher(sha256).matches() && Files.exists(blob) ? Optional.of(blob) : Optional.empty();
  }

  /** Which parts are missing, with the part count, as the commit's 409 (pointer set by the caller). */
  private static ApiException missingParts(List<Integer> missing, int count) {
    String which = missing.stream().limit(20).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
        + (missing.size() > 20 ? " and " + (missing.size() - 20) + " more" : "");
    return new ApiException(new ApiError(409, "STATE_ERROR", "The request cannot be fulfilled in the current state",
        "Not every part has been uploaded: missing " + (missing.size() == 1 ? "part " : "parts ") + which + " of "
            + count));
  }

  private Committed join(Path directory, PartPlan plan) throws IOException {
    MessageDigest md5 = digest("MD5");
    MessageDigest sha256 = digest("SHA-256");
    MessageDigest composite = digest("MD5");
    Path joined = blobsRoot.resolve("incoming-" + Long.toHexString(random.nextLong()));
    long size = 0;
    try {
      try (OutputStream out = new DigestOutputStream(new DigestOutputStream(Files.newOutputStream(joined), md5),
          sha256)) {
        for (PartPlan.Part part : plan.parts()) {
          MessageDigest partMd5 = digest("MD5");
          try (InputStream in = Files.newInputStream(directory.resolve("part-" + part.number()))) {
            size += in.transferTo(new DigestOutputStream(out, partMd5));
          }
          composite.update(partMd5.digest());
        }
      }
      String sha = HEX.formatHex(sha256.digest());
      Path blob = blobsRoot.resolve(sha);
      if (Files.exists(blob)) {
        Files.delete(joined);
      } else {
        move(joined, blob);
      }
      return new Committed(size, HEX.formatHex(md5.digest()), sha, HEX.formatHex(composite.digest()));
    } finally {
      deleteQuietly(joined);
    }
  }

  private Object lock(String token) {
    return locks.computeIfAbsent(token, t -> new Object());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void writeProperties(Path file, Properties properties) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      properties.store(out, null);
    }
    move(temporary, file);
  }

  private static Properties readProperties(Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    return properties;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the temporary file " + file, e);
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }

  /** Copies up to {@code limit} bytes; returns how many were copied. */
  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    while (copied < limit) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
      copied += read;
    }
    return copied;
  }
}
