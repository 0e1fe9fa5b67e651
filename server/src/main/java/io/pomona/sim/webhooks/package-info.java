/**
 * Webhook delivery, the Apple side of the API's webhook resources. {@link
 * io.pomona.sim.webhooks.WebhookDelivery} is the worker: it reads the event log for events that
 * carry a {@link io.pomona.behaviour.WebhookNotice} (recorded by the webhooks area in the write's
 * transaction), turns each into a {@code webhookEvents} resource and {@code PENDING} {@code
 * webhookDeliveries}, and sends those with Apple's signature ({@link
 * io.pomona.sim.webhooks.WebhookSignature}) as one POST each with short timeouts ({@link
 * io.pomona.sim.webhooks.WebhookPoster}), retrying failures per the {@link
 * io.pomona.sim.webhooks.RetrySchedule} on the simulated clock.
 *
 * <p>Delivery runs on its own threads, never inside an API request, so a slow or dead receiver
 * costs API clients nothing. The store is the truth: the dispatcher's position and every delivery
 * are resources and settings, so a restart resumes where the worker stopped.
 *
 * <p>May depend on {@code engine}, {@code behaviour}, {@code store}, {@code account}, {@code
 * catalog} and {@code error}; never on {@code http} or a {@code domain} package.
 */
package io.pomona.sim.webhooks;
