/**
 * The webhooks area (api-facts.md §13): the rules of a webhook's configuration ({@link
 * io.pomona.domain.webhooks.WebhookRules}), what Apple notifies and when ({@link
 * io.pomona.domain.webhooks.WebhookTriggers}, recorded as events by {@link
 * io.pomona.domain.webhooks.WebhookEventNotices}), pings ({@link
 * io.pomona.domain.webhooks.WebhookPings}) and redeliveries ({@link
 * io.pomona.domain.webhooks.WebhookRedeliveries}). Sending is the simulation's job ({@code
 * io.pomona.sim.webhooks}); this package only records, in the write's transaction, what must be
 * sent.
 *
 * <p>Depends on {@code behaviour}, {@code store} (resource values), {@code error}; never on the
 * engine, HTTP, the simulation or another area.
 */
package io.pomona.domain.webhooks;
