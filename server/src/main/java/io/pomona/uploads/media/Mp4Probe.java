package io.pomona.uploads.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a video's brand, size and duration from its ISO base media file format boxes (ISO/IEC
 * 14496-12, which MP4, M4V and QuickTime MOV files share): {@code ftyp} for the brand, {@code
 * moov/mvhd} for the duration, and the {@code tkhd} of the {@code moov/trak} whose {@code
 * mdia/hdlr} says {@code vide} for the width and height. Only box headers and these few boxes are
 * read, so a large video costs a few reads. No Maven Central library was worth a dependency for
 * three boxes.
 */
public final class Mp4Probe {
  /** Brands of the containers Apple takes for previews ({@code .mov}, {@code .m4v}, {@code .mp4}). */
  private static final Set<String> BRANDS = Set.of("qt  ", "isom", "iso2", "mp41", "mp42", "M4V ", "M4VH", "avc1",
      "mp71");
  /** Boxes read into; everything else is skipped by its size. */
  private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
  /** Boxes are nested a few levels deep; a file claiming more is not a video. */
  private static final int MAX_BOXES = 10_000;

  private Mp4Probe() {}

  /** The video in {@code file}, or empty when it is not a readable MP4/MOV with a video track. */
  public static Optional<VideoFacts> read(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      Reading reading = new Reading(channel);
      reading.boxes(0, channel.size(), 0);
      if (reading.brand == null || !BRANDS.contains(reading.brand) || reading.timescale <= 0
          || reading.videoWidth <= 0 || reading.videoHeight <= 0) {
        return Optional.empty();
      }
      return Optional.of(new VideoFacts(reading.brand, reading.videoWidth, reading.videoHeight,
          (double) reading.duration / reading.timescale));
    } catch (IOException | RuntimeException malformed) {
      // MalformedBox, or a box too short for the fields read from it (an index out of its buffer):
      // either way the bytes are not a video Apple would accept.
      return Optional.empty();
    }
  }

  /** A box that does not fit its parent, or a file that is no box structure at all. */
  private static final class MalformedBox extends RuntimeException {
    MalformedBox(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Reading {
    private final FileChannel channel;
    private String brand;
    private long timescale;
    private long duration;
    private int videoWidth;
    private int videoHeight;
    private int boxesSeen;
    // The track being read: its tkhd size, kept until its hdlr tells whether it is the video track.
    private int trackWidth;
    private int trackHeight;
    private boolean trackIsVideo;

    Reading(FileChannel channel) {
      this.channel = channel;
    }

    void boxes(long start, long end, int depth) throws IOException {
      long position = start;
      while (position + 8 <= end) {
        if (++boxesSeen > MAX_BOXES || depth > 4) {
          throw new MalformedBox("too many boxes");
        }
        ByteBuffer header = read(position, 16 <= end - position ? 16 : 8);
        long size = Integer.toUnsignedLong(header.getInt());
        String type = fourCc(header);
        int headerLength = 8;
        if (size == 1) {
          if (header.remaining() < 8) {
            throw new MalformedBox("truncated large size");
          }
          size = header.getLong();
          headerLength = 16;
        } else if (size == 0) {
          size = end - position;
        }
        if (size < headerLength || position + size > end) {
          throw new MalformedBox("box " + type + " does not fit");
        }
        if (position == 0 && depth == 0 && !type.equals("ftyp")) {
          throw new MalformedBox("the file does not start with ftyp");
        }
        long body = position + headerLength;
        long bodyLength = size - headerLength;
        switch (type) {
          case "ftyp" -> brand = fourCc(read(body, 4));
          case "mvhd" -> movieHeader(body, bodyLength);
          case "tkhd" -> trackHeader(body, bodyLength);
          case "hdlr" -> trackIsVideo = trackIsVideo || fourCc(read(body + 8, 4)).equals("vide");
          case "trak" -> {
            trackWidth = 0;
            trackHeight = 0;
            trackIsVideo = false;
            boxes(body, body + bodyLength, depth + 1);
            if (trackIsVideo && videoWidth == 0) {
              videoWidth = trackWidth;
              videoHeight = trackHeight;
            }
          }
          default -> {
            if (CONTAINERS.contains(type)) {
              boxes(body, body + bodyLength, depth + 1);
            }
          }
        }
        position += size;
      }
      if (position != end) {
        throw new MalformedBox("a partial box header at the end");
      }
    }

    private void movieHeader(long body, long length) throws IOException {
      ByteBuffer box = read(body, (int) Math.min(length, 32));
      int version = box.get(0);
      if (version == 1) {
        timescale = Integer.toUnsignedLong(box.getInt(20));
        duration = box.getLong(24);
      } else {
        timescale = Integer.toUnsignedLong(box.getInt(12));
        duration = Integer.toUnsignedLong(box.getInt(16));
      }
    }

    private void trackHeader(long body, long length) throws IOException {
      ByteBuffer box = read(body, (int) Math.min(length, 96));
      int widthAt = box.get(0) == 1 ? 88 : 76;
      if (box.limit() < widthAt + 8) {
        throw new MalformedBox("truncated tkhd");
      }
      // 16.16 fixed-point numbers: the integer part is the pixel size.
      trackWidth = box.getInt(widthAt) >>> 16;
      trackHeight = box.getInt(widthAt + 4) >>> 16;
    }

    private ByteBuffer read(long position, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new MalformedBox("unexpected end of file");
        }
      }
      return buffer.flip();
    }

    private static String fourCc(ByteBuffer buffer) {
      byte[] code = new byte[4];
      buffer.get(code);
      return new String(code, StandardCharsets.ISO_8859_1);
    }
  }
}
