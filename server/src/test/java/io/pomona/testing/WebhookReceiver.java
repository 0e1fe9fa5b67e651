package io.pomona.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on 127.0.0.1 that records every POST it receives and answers with the next
 * status from a script (200 once the script is used up). Optionally holds every request until
 * {@link #release()}, to play a slow receiver.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst();
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
  private final List<Received> all = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private final CountDownLatch firstArrived = new CountDownLatch(1);
  /** Requests arrived and not answered yet (held, or being answered). */
  private final AtomicInteger open = new AtomicInteger();

  private WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      try {
        Received received = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        open.incrementAndGet();
        firstArrived.countDown();
        try {
          hold.await(120, TimeUnit.SECONDS); // a bound only; tests release long before
        } finally {
          open.decrementAndGet();
        }
        Integer scripted = statuses.poll();
        int status = scripted == null ? 200 : scripted;
        byte[] answer = (status < 300 ? "thanks" : "receiver error " + status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
        all.add(received);
        inbox.add(received);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  public static WebhookReceiver start() {
    return new WebhookReceiver();
  }

  /** The URL to configure on a webhook. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/asc";
  }

  /** Answers the next requests with these statuses, in order; then 200. */
  public WebhookReceiver answer(Integer... scripted) {
    statuses.addAll(List.of(scripted));
    return this;
  }

  /** Holds every request, unanswered, until {@link #release()}. */
  public WebhookReceiver holdRequests() {
    hold = new CountDownLatch(1);
    return this;
  }

  public void release() {
    hold.countDown();
  }

  /** Waits (bounded) until a request has arrived, answered or not. */
  public boolean awaitArrival(Duration timeout) throws InterruptedException {
    return firstArrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many requests have arrived and are not answered yet: the ones held. */
  public int openRequests() {
    return open.get();
  }

  /** Waits (bounded) until at least {@code count} requests are held at once. */
  public boolean awaitOpen(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (open.get() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** The next answered request, waiting at most {@code timeout}; fails the test if none comes. */
  public Received next(Duration timeout) throws InterruptedException {
    Received received = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (received == null) {
      throw new AssertionError("no webhook request arrived within " + timeout);
    }
    return received;
  }

  /** Every answered request so far. */
  public List<Received> received() {
    return List.copyOf(all);
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
