package io.pomona.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A growable UTF-8 buffer that JSON documents are written into directly: pre-encoded pieces are
 * copied as they are, strings are escaped and encoded on the way in. It writes exactly what
 * Jackson's default generator writes for the same values (control characters as {@code \b \t \n
 * \f \r} or a six-character {@code \\u} escape with upper-case hex, {@code "} and {@code \} escaped, everything else
 * as UTF-8, numbers as {@code toString} gives them), so documents stay byte-identical to those
 * written through Jackson before (and to Jackson's output for values this class does not know,
 * which {@link DocumentWriter} hands to Jackson).
 *
 * <p>Commas and nesting are the caller's: the renderer knows the shape of each document, and a
 * generic state machine per value was a measurable part of rendering a large list.
 */
final class JsonBytes {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** For ASCII characters: 0 written as is, a letter for a two-character escape, -1 for a six-character {@code \\u} escape. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  /**
   * Working buffers of finished documents, for the next ones: a list with includes is hundreds of
   * KB, and allocating (and zeroing) that per request besides the exact-size copy it returns was
   * visible in JFR. Bounded (at most {@value #SPARE_COUNT} of at most {@value #LARGEST_SPARE}
   * bytes), so idle memory stays small; without a spare, a document allocates its own. Lists hand
   * their buffer to the response and get it back once it is sent, so under load as many buffers
   * are in use as responses are being written: 16 covers the benchmark's 64 connections on two
   * cores without a fresh allocation most of the time.
   */
  private static final int SPARE_COUNT = 16;
  private static final ArrayBlockingQueue<byte[]> SPARES = new ArrayBlockingQueue<>(SPARE_COUNT);
  private static final int LARGEST_SPARE = 1 << 20;

  private byte[] bytes;
  private int size;

  JsonBytes(int capacity) {
    bytes = new byte[Math.max(capacity, 64)];
  }

  private JsonBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A buffer for a whole document, of at least {@code capacity} bytes; {@link #finish} hands it back. */
  static JsonBytes forDocument(int capacity) {
    byte[] spare = SPARES.poll();
    if (spare != null && spare.length < capacity) {
      SPARES.offer(spare);
      spare = null;
    }
    return spare == null ? new JsonBytes(capacity) : new JsonBytes(spare);
  }

  /** The document written (an exact-size copy); the working buffer goes back to the spares. */
  byte[] finish() {
    byte[] document = Arrays.copyOf(bytes, size);
    if (bytes.length <= LARGEST_SPARE) {
      SPARES.offer(bytes);
    }
    bytes = null;
    return document;
  }

  /**
   * The document written, in the working buffer itself: no copy. The buffer goes back to the
   * spares when {@link Finished#recycle} is called (after the response is sent); without that
   * call it is simply dropped.
   */
  Finished handOver() {
    Finished document = new Finished(bytes, size);
    bytes = null;
    return document;
  }

  /** A finished document: the first {@code length} bytes of {@code buffer}. */
  record Finished(byte[] buffer, int length) {
    /** Hands the buffer back for later documents; nothing may use it afterwards. */
    void recycle() {
      if (buffer.length <= LARGEST_SPARE) {
        SPARES.offer(buffer);
      }
    }
  }

  /** A copy of what was written from {@code start} on. */
  byte[] copy(int start) {
    return Arrays.copyOfRange(bytes, start, size);
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  JsonBytes raw(byte[] piece) {
    ensure(piece.length);
    System.arraycopy(piece, 0, bytes, size, piece.length);
    size += piece.length;
    return this;
  }

  JsonBytes raw(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /**
   * {@code parts[0] id parts[1] id … parts[n]}: room is made once for the whole, then the pieces
   * are copied (a list writes thousands of these links).
   */
  JsonBytes spliced(byte[][] parts, byte[] id) {
    int length = id.length * (parts.length - 1);
    for (byte[] part : parts) {
      length += part.length;
    }
    ensure(length);
    byte[] out = bytes;
    int at = size;
    byte[] first = parts[0];
    System.arraycopy(first, 0, out, at, first.length);
    at += first.length;
    for (int i = 1; i < parts.length; i++) {
      System.arraycopy(id, 0, out, at, id.length);
      at += id.length;
      byte[] part = parts[i];
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    size = at;
    return this;
  }

  /** A quoted, escaped JSON string. */
  JsonBytes string(String text) {
    raw('"');
    content(text);
    return raw('"');
  }

  /** The escaped content of a JSON string, without quotes. */
  JsonBytes content(String text) {
    int length = text.length();
    // At most 6 bytes per character (a six-character escape); UTF-8 needs at most 3 per char.
    ensure(length * 6);
    byte[] out = bytes;
    int at = size;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          out[at++] = (byte) c;
        } else if (escape > 0) {
          out[at++] = '\\';
          out[at++] = escape;
        } else {
          out[at++] = '\\';
          out[at++] = 'u';
          out[at++] = '0';
          out[at++] = '0';
          out[at++] = HEX[c >> 4];
          out[at++] = HEX[c & 0xF];
        }
      } else if (c < 0x800) {
        out[at++] = (byte) (0xC0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        int code = Character.toCodePoint(c, text.charAt(++i));
        out[at++] = (byte) (0xF0 | (code >> 18));
        out[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
        out[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (code & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate is not text (Jackson refuses it); write what String#getBytes writes.
        out[at++] = '?';
      } else {
        out[at++] = (byte) (0xE0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    size = at;
    return this;
  }

  JsonBytes number(long value) {
    if (value >= 0 && value < 10) {
      return raw((char) ('0' + value));
    }
    return ascii(Long.toString(value));
  }

  /**
   * A number as Jackson's default generator writes it: the type's {@code toString} (a double's
   * shortest representation, a BigDecimal's scientific form where it has one).
   */
  JsonBytes number(Number value) {
    return switch (value) {
      case Integer n -> number(n.longValue());
      case Long n -> number(n.longValue());
      case Short n -> number(n.longValue());
      case Byte n -> number(n.longValue());
      case Double n -> nonFinite(n.isNaN() || n.isInfinite(), n.toString());
      case Float n -> nonFinite(n.isNaN() || n.isInfinite(), n.toString());
      case BigInteger n -> ascii(n.toString());
      case BigDecimal n -> ascii(n.toString());
      default -> throw new IllegalArgumentException("not a JSON number type: " + value.getClass());
    };
  }

  private JsonBytes nonFinite(boolean quoted, String text) {
    // Jackson writes NaN and infinities as quoted strings by default (QUOTE_NON_NUMERIC_NUMBERS).
    return quoted ? string(text) : ascii(text);
  }

  /** Text known to be plain ASCII that needs no escaping (numbers). */
  private JsonBytes ascii(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) text.charAt(i);
    }
    return this;
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  /** {@code text} escaped as JSON string content and encoded: for pieces written many times. */
  static byte[] encoded(String text) {
    // Ids are plain ASCII nearly always: then the bytes are the characters (one intrinsic copy).
    if (needsNoEscaping(text)) {
      return text.getBytes(StandardCharsets.US_ASCII);
    }
    return new JsonBytes(text.length() * 6).content(text).toByteArray();
  }

  private static boolean needsNoEscaping(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 || ESCAPES[c] != 0) {
        return false;
      }
    }
    return true;
  }

  /** ASCII JSON syntax (field names and punctuation the caller knows need no escaping). */
  static byte[] syntax(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
