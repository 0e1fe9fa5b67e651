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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
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
  private final Server server;
  private final ServerConnector connector;

  private final long maxBodyBytes;
  private final ErrorDocuments errors;

  /** Creates the server and binds its port at once, so that {@link #port()} is known before {@link #start}. */
  public JettyServer(String host, int port, long maxBodyBytes, ErrorDocuments errors) throws IOException {
    this.maxBodyBytes = maxBodyBytes;
    this.errors = errors;
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("pomona-http");
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(true);
    connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrorHandler(errors));
    // The application's own shutdown hook stops the server and then closes the store, in that order.
    server.setStopAtShutdown(false);
    server.setStopTimeout(5_000);
    connector.open();
  }

  /** Starts answering requests through the pipeline. */
  public void start(RequestPipeline pipeline) throws Exception {
    start(pipeline, Optional.empty());
  }

  /**
   * Starts answering requests: upload parts under {@value Reservation#PATH_PREFIX} when there is
   * a vault, everything else through the pipeline.
   */
  public void start(RequestPipeline pipeline, Optional<UploadVault> uploads) throws Exception {
    Handler api = new PipelineHandler(pipeline, maxBodyBytes, errors);
    Handler handler = uploads.<Handler>map(vault -> new Handler.Sequence(new UploadPartHandler(vault, errors), api))
        .orElse(api);
    // GracefulHandler lets requests in flight finish (up to the stop timeout) when the server stops.
    server.setHandler(new GracefulHandler(handler));
    server.start();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
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
    private final long maxBodyBytes;
    private final ErrorDocuments errors;

    PipelineHandler(RequestPipeline pipeline, long maxBodyBytes, ErrorDocuments errors) {
      super(InvocationType.BLOCKING);
      this.pipeline = pipeline;
      this.maxBodyBytes = maxBodyBytes;
      this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
      ApiResponse answer;
      long declared = request.getLength();
      if (declared > maxBodyBytes) {
        answer = errors.render(Errors.payloadTooLarge(maxBodyBytes));
      } else {
        byte[] body = readBody(request);
        answer = body == null
            ? errors.render(Errors.payloadTooLarge(maxBodyBytes))
            : pipeline.handle(toApiRequest(request, body));
      }
      write(answer, response, callback);
      return true;
    }

    /** The body, or null when it is larger than the limit. */
    private byte[] readBody(Request request) throws IOException {
      try (InputStream in = Content.Source.asInputStream(request)) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        return bytes.length > maxBodyBytes ? null : bytes;
      }
    }

    private static ApiRequest toApiRequest(Request request, byte[] body) {
      Map<String, String> headers = new HashMap<>();
      for (HttpField field : request.getHeaders()) {
        headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
      }
      String query = request.getHttpURI().getQuery();
      String path = request.getHttpURI().getDecodedPath();
      return new ApiRequest(
          request.getMethod().toUpperCase(Locale.ROOT),
          path == null ? "/" : path,
          query == null ? "" : query,
          headers,
          body);
    }
  }

  static void write(ApiResponse answer, Response response, Callback callback) {
    response.setStatus(answer.status());
    answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    if (answer.contentType() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
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
