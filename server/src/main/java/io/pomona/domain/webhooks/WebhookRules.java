package io.pomona.domain.webhooks;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of a webhook's configuration (api-facts.md §13). The URL must be http or https with a
 * host, else 409 {@code ENTITY_ERROR.ATTRIBUTE.INVALID} at {@code /data/attributes/url} (the
 * issue's rule; the catalog's {@code uri} format alone lets {@code ftp://host} through).
 *
 * <p>The {@code secret} is write-only without any code here: the engine renders only the
 * attributes a resource's schema names, and the {@code Webhook} schema has no {@code secret} (only
 * the create and update requests do), so it is stored for signing and never returned. Events list
 * the names of written attributes, never their values, so it stays out of the event log too.
 *
 * <p>A PATCH that sends {@code null} for one of the five configuration attributes (OpenAPI marks
 * them nullable in the update request) keeps the stored value: a webhook without a URL or secret
 * could not be delivered.
 */
public final class WebhookRules implements Behaviour {
  private static final List<String> CONFIGURATION = List.of("name", "url", "secret", "eventTypes", "enabled");

  @Override
  public Set<String> resourceTypes() {
    return Set.of("webhooks");
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    ctx.previous().ifPresent(previous -> {
      for (String name : CONFIGURATION) {
        if (ctx.attributes().containsKey(name) && ctx.attributes().get(name) == null) {
          ctx.set(name, previous.attributes().get(name));
        }
      }
    });
    ctx.stringAttribute("url").ifPresent(WebhookRules::requireWebUrl);
  }

  private static void requireWebUrl(String url) {
    if (!isWebUrl(url)) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/url",
          "The webhook URL '" + url + "' must be an http or https URL with a host"));
    }
  }

  static boolean isWebUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false; // the answer is "not a URL"; the caller reports it
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
  }
}
