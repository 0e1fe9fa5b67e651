package io.pomona.sim.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code max} bytes of a response body and stops reading there (cancelling the
 * rest), so that a receiver answering with an endless body costs a bounded amount of memory and
 * time. Only the start of the answer is recorded on the delivery anyway.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final int max;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBody(int max) {
    this.max = max;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (max == 0) {
      finish();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return; // cancelled already; late buffers are dropped
    }
    for (ByteBuffer buffer : buffers) {
      int take = Math.min(buffer.remaining(), max - kept.size());
      byte[] bytes = new byte[take];
      buffer.get(bytes);
      kept.write(bytes, 0, take);
      if (kept.size() >= max) {
        finish();
        return;
      }
    }
    subscription.request(1);
  }

  private void finish() {
    subscription.cancel();
    result.complete(kept.toByteArray());
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(kept.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
