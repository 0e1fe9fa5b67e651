package io.pomona.domain.appstore;

import io.pomona.behaviour.ResourceAccess;
import io.pomona.store.StoredResource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An app's price points, derived deterministically — Pomona's rule, not Apple's live price grid:
 *
 * <ol>
 *   <li>A base table of {@link #USD_TIERS} prices in US dollars; tier 0 is free.
 *   <li>Each territory prices a tier in its currency ({@code territories.currency}): the dollar
 *       price times a fixed rate ({@link #USD_RATES}, rounded figures of late 2026), then made a
 *       shop price: currencies with cents end in {@code .99} (rounded up to the next whole unit,
 *       less one cent); currencies without ({@link #WHOLE_UNITS}) round up to two significant
 *       digits (148.5 yen → 150). Dollar territories take the tier as it is.
 *   <li>Proceeds are 70 % of the customer price (Inf: Apple also deducts local taxes, which
 *       Pomona does not model), rounded down to the currency's unit.
 * </ol>
 *
 * <p>Ids encode app, territory and tier (as Apple's do: opaque base64), so the same tier in two
 * territories — an equalization — is found without a search. Every app gets its grid when it is
 * created ({@link AppPricing}).
 */
public final class PricePoints {
  static final String TYPE = "appPricePoints";

  static final List<BigDecimal> USD_TIERS = List.of("0", "0.99", "1.99", "2.99", "3.99", "4.99", "9.99", "14.99",
      "19.99", "29.99", "49.99", "99.99").stream().map(BigDecimal::new).toList();

  static final Map<String, BigDecimal> USD_RATES = Map.ofEntries(
      rate("USD", "1"), rate("EUR", "0.92"), rate("GBP", "0.79"), rate("CHF", "0.88"), rate("CAD", "1.37"),
      rate("AUD", "1.52"), rate("NZD", "1.66"), rate("JPY", "150"), rate("KRW", "1350"), rate("CNY", "7.2"),
      rate("HKD", "7.8"), rate("TWD", "32"), rate("SGD", "1.34"), rate("MYR", "4.6"), rate("THB", "35"),
      rate("IDR", "15800"), rate("VND", "25000"), rate("PHP", "57"), rate("INR", "84"), rate("PKR", "280"),
      rate("KZT", "480"), rate("AED", "3.67"), rate("SAR", "3.75"), rate("QAR", "3.64"), rate("ILS", "3.7"),
      rate("EGP", "49"), rate("NGN", "1600"), rate("ZAR", "18"), rate("TZS", "2700"), rate("TRY", "34"),
      rate("RUB", "95"), rate("PLN", "4"), rate("CZK", "23"), rate("HUF", "365"), rate("RON", "4.6"),
      rate("DKK", "6.9"), rate("SEK", "10.6"), rate("NOK", "10.8"), rate("BRL", "5.5"), rate("MXN", "18"),
      rate("CLP", "940"), rate("COP", "4100"), rate("PEN", "3.75"));

  /** Currencies priced in whole units (no cents in their App Store prices). */
  static final Set<String> WHOLE_UNITS = Set.of("JPY", "KRW", "IDR", "VND", "CLP", "COP", "HUF", "KZT", "TZS",
      "NGN", "PKR");

  private static final BigDecimal PROCEEDS_SHARE = new BigDecimal("0.70");
  private static final int FIRST_TIER_CODE = 10000;

  private PricePoints() {}

  private static Map.Entry<String, BigDecimal> rate(String currency, String perDollar) {
    return Map.entry(currency, new BigDecimal(perDollar));
  }

  /** Creates the app's price points: every tier in every territory. */
  static void materialize(ResourceAccess resources, String appId) {
    for (StoredResource territory : resources.find("territories", Map.of(), 1000)) {
      String currency = Related.text(territory, "currency").orElse("USD");
      for (int tier = 0; tier < USD_TIERS.size(); tier++) {
        BigDecimal price = customerPrice(USD_TIERS.get(tier), currency);
        resources.create(TYPE, Optional.of(id(appId, territory.id(), tier)),
            Map.of("customerPrice", text(price, currency), "proceeds", text(proceeds(price, currency), currency)),
            Map.of("app", List.of(appId), "territory", List.of(territory.id())));
      }
    }
  }

  /**
   * The equalizations of a price point: the same tier of the same app in every other territory,
   * in the territories' order (computed, never stored: {@link AppPricing#computedRelationships}).
   */
  static List<String> equalizations(ResourceAccess resources, String pricePointId) {
    Optional<Key> point = key(pricePointId);
    if (point.isEmpty()) {
      return List.of();
    }
    return resources.find("territories", Map.of(), 1000).stream()
        .map(StoredResource::id)
        .filter(territory -> !territory.equals(point.get().territory()))
        .map(territory -> id(point.get().appId(), territory, point.get().tier()))
        .toList();
  }

  static BigDecimal customerPrice(BigDecimal usd, String currency) {
    if (usd.signum() == 0 || currency.equals("USD")) {
      return usd;
    }
    BigDecimal local = usd.multiply(USD_RATES.getOrDefault(currency, BigDecimal.ONE));
    if (WHOLE_UNITS.contains(currency)) {
      int digits = local.setScale(0, RoundingMode.CEILING).precision();
      BigDecimal step = BigDecimal.TEN.pow(Math.max(0, digits - 2));
      return local.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }
    return local.setScale(0, RoundingMode.CEILING).max(BigDecimal.ONE).subtract(new BigDecimal("0.01"));
  }

  static BigDecimal proceeds(BigDecimal price, String currency) {
    return price.multiply(PROCEEDS_SHARE).setScale(WHOLE_UNITS.contains(currency) ? 0 : 2, RoundingMode.FLOOR);
  }

  /** Apple's form: {@code 0.0} for free, {@code 0.99}, {@code 150}. */
  static String text(BigDecimal amount, String currency) {
    if (amount.signum() == 0) {
      return "0.0";
    }
    return amount.setScale(WHOLE_UNITS.contains(currency) ? 0 : 2, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** The id of an app's price point: tier 1 is the cheapest paid price. */
  public static String id(String appId, String territory, int tier) {
    String plain = "s=" + appId + "&t=" + territory + "&p=" + (FIRST_TIER_CODE + tier);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The app, territory and tier an id encodes, if it is one of ours. */
  static Optional<Key> key(String id) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
      String[] parts = plain.split("&");
      if (parts.length != 3 || !parts[0].startsWith("s=") || !parts[1].startsWith("t=") || !parts[2].startsWith("p=")) {
        return Optional.empty();
      }
      return Optional.of(new Key(parts[0].substring(2), parts[1].substring(2),
          Integer.parseInt(parts[2].substring(2)) - FIRST_TIER_CODE));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty(); // not base64 or no number: an id Pomona did not make
    }
  }

  /** What a price point id encodes. */
  record Key(String appId, String territory, int tier) {}
}
