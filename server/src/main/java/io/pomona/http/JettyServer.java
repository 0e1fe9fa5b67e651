package io.pomona.http;

import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.uploads.Reservation;
import io.pomona.uploads.UploadVault;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one place that knows the web framework: Jetty 12's core Handler API feeding the {@link
 * RequestPipeline}. Jetty was chosen over Helidon SE because our typical answers are JSON:API
 * lists of tens of KB, where Jetty measured 1.7–1.9× faster on this machine kind
 * ({@code shared/docs/perf-baselines.md}), and it needs no TCP_NODELAY workaround. Jetty's own
 * protocol errors (bad URI, bad headers) are rendered as Apple error documents too.
 */
public final class JettyServer implements AutoCloseable {
  /** The path prefix of the admin API: Apple's paths all start with /v1 .. /v3. */
  public static final String ADMIN_PREFIX = "/_pomona";

  /** Admin bodies carry whole team states on import, so they may be larger than API bodies. */
  static final long ADMIN_MAX_BODY_BYTES = 256L * 1024 * 1024;

  /** Below the length of any ES256 bearer token's header value: see {@link #newHttpConfiguration}. */
  static final int HEADER_CACHE_SIZE = 256;

  private final Server server;
  private final ServerConnector connector;
  private final Optional<ServerConnector> adminConnector;

  private final long maxBodyBytes;
  private final ErrorDocuments errors;

  /** Creates the server and binds its port at once, so that {@link #port()} is known before {@link #start}. */
  public JettyServer(String host, int port, long maxBodyBytes, ErrorDocuments errors) throws IOException {
    this(host, port, Optional.empty(), maxBodyBytes, errors);
  }

  /**
   * As {@link #JettyServer(String, int, long, ErrorDocuments)}, with the admin API on a connector
   * of its own when {@code adminAddress} is given (host and port; port 0 picks a free one).
   */
  public JettyServer(String host, int port, Optional<InetSocketAddress> adminAddress, long maxBodyBytes,
      ErrorDocuments errors) throws IOException {
    this.maxBodyBytes = maxBodyBytes;
    this.errors = errors;
    server = new Server(newThreadPool());
    HttpConfiguration config = newHttpConfiguration();
    connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    if (adminAddress.isPresent()) {
      ServerConnector admin = new ServerConnector(server, new HttpConnectionFactory(config));
      admin.setName("admin");
      admin.setHost(adminAddress.get().getHostString());
      admin.setPort(adminAddress.get().getPort());
      server.addConnector(admin);
      adminConnector = Optional.of(admin);
    } else {
      adminConnector = Optional.empty();
    }
    server.setErrorHandler(new JsonErrorHandler(errors));
    // The application's own shutdown hook stops the server and then closes the store, in that order.
    server.setStopAtShutdown(false);
    server.setStopTimeout(5_000);
    connector.open();
    for (ServerConnector admin : adminConnector.stream().toList()) {
      admin.open();
    }
  }

  /**
   * The request threads. Public so that the benchmark's bare server ({@code bench/BareServer.java})
   * runs on exactly the same settings.
   */
  public static QueuedThreadPool newThreadPool() {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("pomona-http");
    return threads;
  }

  /** HTTP/1.1 settings; public for the same reason as {@link #newThreadPool}. */
  public static HttpConfiguration newHttpConfiguration() {
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(true);
    // Jetty keeps, per connection, a trie of whole header lines (name and value) seen before, and
    // matches every incoming line against it character by character. With the default capacity
    // (1024) a bearer token (~350 characters) goes into it, and matching it again on each request
    // was 14% of a GET's CPU (JFR). Clients change tokens every 20 minutes at most, so caching them
    // saves nothing: the smaller capacity keeps short, repeated lines (Host, Accept, User-Agent)
    // and leaves tokens out, as values longer than the capacity are never cached.
    config.setHeaderCacheSize(HEADER_CACHE_SIZE);
    return config;
  }

  /**
   * Starts answering requests: the public downloads by their paths (no token, GET only); upload
   * parts under {@value Reservation#PATH_PREFIX} and processed media under {@value
   * io.pomona.uploads.media.MediaUrls#PATH_PREFIX} when there is a vault (no token either); the
   * admin API's on its own connector when there is one, else those under {@value #ADMIN_PREFIX};
   * everything else through the pipeline.
   */
  public void start(RequestPipeline pipeline, Optional<AdminApi> admin, List<PublicDownload> downloads,
      Optional<UploadVault> uploads) throws Exception {
    Map<String, PublicDownload> byPath = new HashMap<>();
    downloads.forEach(download -> byPath.put(download.path(), download));
    Handler api = new PipelineHandler(pipeline, admin, adminConnector, Map.copyOf(byPath), maxBodyBytes, errors);
    Handler handler = uploads.<Handler>map(vault -> new Handler.Sequence(new UploadPartHandler(vault, errors),
            new MediaHandler(vault, errors), api))
        .orElse(api);
    // GracefulHandler lets requests in flight finish (up to the stop timeout) when the server stops.
    server.setHandler(new GracefulHandler(handler));
    server.start();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The admin connector's port, when the admin API has its own. */
  public Optional<Integer> adminPort() {
    return adminConnector.map(ServerConnector::getLocalPort);
  }

  /** The admin API: requests in, JSON answers out, its own authentication. */
  @FunctionalInterface
  public interface AdminApi {
    ApiResponse handle(ApiRequest request);
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(), port());
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static final class PipelineHandler extends Handler.Abstract {
    private final RequestPipeline pipeline;
    private final Optional<AdminApi> admin;
    private final Optional<ServerConnector> adminConnector;
    private final Map<String, PublicDownload> downloads;
    private final long maxBodyBytes;
    private final ErrorDocuments errors;

    PipelineHandler(RequestPipeline pipeline, Optional<AdminApi> admin, Optional<ServerConnector> adminConnector,
        Map<String, PublicDownload> downloads, long maxBodyBytes, ErrorDocuments errors) {
      super(InvocationType.BLOCKING);
      this.pipeline = pipeline;
      this.admin = admin;
      this.adminConnector = adminConnector;
      this.downloads = downloads;
      this.maxBodyBytes = maxBodyBytes;
      this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
      PublicDownload download = downloads.get(request.getHttpURI().getDecodedPath());
      if (download != null && request.getMethod().equalsIgnoreCase("GET")) {
        write(download.response(), response, callback);
        return true;
      }
      Optional<AdminApi> adminTarget = adminFor(request);
      long limit = adminTarget.isPresent() ? Math.max(maxBodyBytes, ADMIN_MAX_BODY_BYTES) : maxBodyBytes;
      ApiResponse answer;
      byte[] body = readBody(request, limit, response);
      if (body == null) {
        answer = errors.render(Errors.payloadTooLarge(limit));
      } else if (adminTarget.isPresent()) {
        answer = adminTarget.get().handle(toApiRequest(request, body));
      } else {
        answer = pipeline.handle(toApiRequest(request, body));
      }
      write(answer, response, callback);
      return true;
    }

    /**
     * The admin API, when this request is for it: every request on the admin connector, or, when
     * the admin API shares the API's port, those under {@value #ADMIN_PREFIX}.
     */
    private Optional<AdminApi> adminFor(Request request) {
      if (adminConnector.isPresent()) {
        boolean onAdminConnector = request.getConnectionMetaData().getConnector() == adminConnector.get();
        return onAdminConnector ? admin : Optional.empty();
      }
      String path = request.getHttpURI().getDecodedPath();
      boolean adminPath = path != null && (path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/"));
      return adminPath ? admin : Optional.empty();
    }

    private static final byte[] NO_BODY = new byte[0];

    /** How much of a rejected, oversized body is still read (and discarded) to keep TCP orderly. */
    private static final long DRAIN_BYTES = 16L * 1024 * 1024;

    /**
     * The body, or null when it is larger than the limit. The rest of a body too large is read
     * and thrown away (up to {@link #DRAIN_BYTES}): closing a socket with unread bytes makes TCP
     * reset it, and a reset can destroy the 413 before the client reads it. A body larger still
     * is not worth reading: the connection is closed, and the response says so
     * ({@code Connection: close}) so that clients do not send their next request down it.
     */
    private static byte[] readBody(Request request, long limit, Response response) throws IOException {
      if (hasNoBody(request)) {
        // Most requests are GETs: opening a stream on no content was a few percent of a GET (JFR).
        return NO_BODY;
      }
      long declared = request.getLength();
      try (InputStream in = Content.Source.asInputStream(request)) {
        if (declared <= limit) {
          byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
          if (bytes.length <= limit) {
            return bytes;
          }
        }
        if (declared > limit + DRAIN_BYTES || !drained(in)) {
          response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        return null;
      }
    }

    /** Reads the stream to its end unless that is more than {@link #DRAIN_BYTES} away. */
    private static boolean drained(InputStream in) {
      byte[] sink = new byte[16 * 1024];
      long read = 0;
      try {
        for (int n; (n = in.read(sink)) >= 0; ) {
          read += n;
          if (read > DRAIN_BYTES) {
            return false;
          }
        }
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /**
     * Known to be empty: a zero Content-Length, or an HTTP/1 request with neither Content-Length
     * nor Transfer-Encoding (RFC 9112 §6.3: such a request has no body).
     */
    private static boolean hasNoBody(Request request) {
      long declared = request.getLength();
      if (declared == 0) {
        return true;
      }
      HttpVersion version = request.getConnectionMetaData().getHttpVersion();
      return declared < 0
          && (version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0)
          && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static ApiRequest toApiRequest(Request request, byte[] body) {
      // A view, not a copy: Jetty's fields are only read during the request, on this thread.
      HttpFields headers = request.getHeaders();
      String query = request.getHttpURI().getQuery();
      String path = request.getHttpURI().getDecodedPath();
      return new ApiRequest(
          request.getMethod().toUpperCase(Locale.ROOT),
          path == null ? "/" : path,
          query == null ? "" : query,
          headers::get,
          body);
    }
  }

  /** The content type of nearly every answer, encoded once rather than per response. */
  private static final HttpField JSON_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);

  static void write(ApiResponse answer, Response response, Callback callback) {
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    answer.headers().forEach(headers::put);
    if (ApiResponse.JSON.equals(answer.contentType())) {
      headers.put(JSON_CONTENT_TYPE);
    } else if (answer.contentType() != null) {
      headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
    }
    headers.put(HttpHeader.CONTENT_LENGTH, answer.length());
    // The buffer goes back to its owner only once Jetty is done with it.
    Callback done = answer.release() == null ? callback : Callback.from(callback, answer.release());
    response.write(true, ByteBuffer.wrap(answer.buffer(), 0, answer.length()), done);
  }

  /** Jetty's protocol-level errors (malformed URI, bad header, ...) as Apple error documents. */
  private static final class JsonErrorHandler implements Request.Handler {
    private final ErrorDocuments errors;

    JsonErrorHandler(ErrorDocuments errors) {
      this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 400;
      Object cause = request.getAttribute(org.eclipse.jetty.server.handler.ErrorHandler.ERROR_EXCEPTION);
      String reason = cause instanceof Throwable t && t.getMessage() != null ? sanitize(t.getMessage()) : "";
      ApiException error = status >= 500 ? Errors.unexpected() : Errors.malformedRequest(status, reason);
      write(errors.render(error), response, callback);
      return true;
    }

    private static String sanitize(String message) {
      return message.length() > 200 ? message.substring(0, 200) : message;
    }
  }
}
