package io.pomona.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/** Real media bytes for upload tests: images encoded by ImageIO, MP4 files written box by box. */
public final class TestMedia {
  private TestMedia() {}

  /** An opaque image of {@code width × height} in {@code format} ({@code png}, {@code jpg}, {@code gif}). */
  public static byte[] image(int width, int height, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0x3366CC));
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(Color.ORANGE);
    graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("ImageIO cannot write " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] png(int width, int height) {
    return image(width, height, "png");
  }

  /** A PNG with an alpha channel (Apple refuses these as screenshots). */
  public static byte[] pngWithAlpha(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A minimal MP4 container: {@code ftyp} (brand {@code isom}), then {@code moov} with {@code mvhd}
   * (timescale 600, the duration), one video {@code trak} ({@code tkhd} with the size, {@code
   * mdia/hdlr vide}), and an empty {@code mdat}. What a container parser reads; no frames.
   */
  public static byte[] mp4(int width, int height, int seconds) {
    int timescale = 600;
    byte[] mvhd = box("mvhd", bytes(out -> {
      out.writeInt(0); // version 0, flags
      out.writeInt(0); // creation
      out.writeInt(0); // modification
      out.writeInt(timescale);
      out.writeInt(seconds * timescale);
      out.write(new byte[80]); // rate .. next track id: not read
    }));
    byte[] tkhd = box("tkhd", bytes(out -> {
      out.writeInt(3); // version 0, flags enabled|in movie
      out.writeInt(0);
      out.writeInt(0);
      out.writeInt(1); // track id
      out.writeInt(0);
      out.writeInt(seconds * timescale);
      out.write(new byte[8 + 2 + 2 + 2 + 2 + 36]);
      out.writeInt(width << 16);
      out.writeInt(height << 16);
    }));
    byte[] hdlr = box("hdlr", bytes(out -> {
      out.writeInt(0);
      out.writeInt(0);
      out.write("vide".getBytes(StandardCharsets.ISO_8859_1));
      out.write(new byte[12]);
      out.write("VideoHandler\0".getBytes(StandardCharsets.ISO_8859_1));
    }));
    byte[] trak = box("trak", concat(tkhd, box("mdia", hdlr)));
    byte[] ftyp = box("ftyp", bytes(out -> {
      out.write("isom".getBytes(StandardCharsets.ISO_8859_1));
      out.writeInt(512);
      out.write("isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1));
    }));
    return concat(ftyp, box("moov", concat(mvhd, trak)), box("mdat", new byte[64]));
  }

  /** The MD5 of bytes in lowercase hex, as clients send {@code sourceFileChecksum}. */
  public static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Writing {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] bytes(Writing writing) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      writing.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static byte[] box(String type, byte[] body) {
    return bytes(out -> {
      out.writeInt(8 + body.length);
      out.write(type.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
    });
  }

  private static byte[] concat(byte[]... parts) {
    return bytes(out -> {
      for (byte[] part : parts) {
        out.write(part);
      }
    });
  }
}
