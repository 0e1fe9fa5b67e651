/**
 * Webhook delivery, the Apple side of the API's webhook resources: Apple's signature ({@link
 * io.pomona.sim.webhooks.WebhookSignature}), the payload envelope, one signed POST with short
 * timeouts ({@link io.pomona.sim.webhooks.WebhookPoster}) and the backoff between attempts ({@link
 * io.pomona.sim.webhooks.RetrySchedule}, on the simulated clock).
 *
 * <p>Delivery runs on its own threads, never inside an API request, so a slow or dead receiver
 * costs API clients nothing.
 *
 * <p>May depend on {@code engine}, {@code behaviour}, {@code store}, {@code catalog} and {@code
 * error}; never on {@code http} or a {@code domain} package.
 */
package io.pomona.sim.webhooks;
