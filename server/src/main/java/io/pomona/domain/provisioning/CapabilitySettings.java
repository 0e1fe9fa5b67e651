package io.pomona.domain.provisioning;

import io.pomona.domain.provisioning.CapabilityCatalog.Capability;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A capability's {@code settings} as clients send them ({@code [{key, options: [{key,
 * enabled}]}]}), checked against the {@link CapabilityCatalog}: only the capability's own setting
 * keys, each once, only that setting's options, and at most one chosen option (the options of every
 * setting in 4.4.1 are alternatives). An option counts as chosen unless it says {@code enabled:
 * false}. The stored form is what was sent (with the descriptive members clients and Apple
 * include), plus each setting left out, with its default option, so that reads and profiles see
 * the effective choice.
 */
final class CapabilitySettings {
  private static final String POINTER = "/data/attributes/settings";

  private CapabilitySettings() {}

  /** The chosen option of every setting of the capability (defaults where none was sent). */
  static Map<String, String> chosen(Capability capability, Object settings) {
    Map<String, String> chosen = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<ApiError> problems = new ArrayList<>();
    List<?> entries = settings instanceof List<?> list ? list : List.of();
    for (int i = 0; i < entries.size(); i++) {
      String at = POINTER + "/" + i;
      if (!(entries.get(i) instanceof Map<?, ?> setting) || !(setting.get("key") instanceof String key)) {
        problems.add(Errors.attributeRequired(at + "/key", "key"));
        continue;
      }
      List<String> allowed = capability.settings().get(key);
      if (allowed == null) {
        problems.add(Errors.attributeInvalid(at + "/key", "'" + key + "' is not a setting of capability "
            + capability.type() + (capability.settings().isEmpty() ? ", which takes no settings"
            : "; it takes " + String.join(", ", capability.settings().keySet()))));
        continue;
      }
      if (!seen.add(key)) {
        problems.add(Errors.attributeInvalid(at + "/key", "The setting '" + key + "' is given twice."));
        continue;
      }
      try {
        chooseOption(key, allowed, setting.get("options"), at).ifPresent(option -> chosen.put(key, option));
      } catch (ApiException invalid) {
        problems.addAll(invalid.errors());
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
    capability.settings().forEach((key, options) -> chosen.putIfAbsent(key, options.get(0)));
    return chosen;
  }

  private static java.util.Optional<String> chooseOption(String key, List<String> allowed, Object options, String at) {
    List<?> entries = options instanceof List<?> list ? list : List.of();
    List<String> picked = new ArrayList<>();
    List<ApiError> problems = new ArrayList<>();
    for (int j = 0; j < entries.size(); j++) {
      String optionAt = at + "/options/" + j + "/key";
      if (!(entries.get(j) instanceof Map<?, ?> option) || !(option.get("key") instanceof String optionKey)) {
        problems.add(Errors.attributeRequired(optionAt, "key"));
        continue;
      }
      if (!allowed.contains(optionKey)) {
        problems.add(Errors.attributeInvalid(optionAt, "'" + optionKey + "' is not an option of setting " + key
            + "; its options are " + String.join(", ", allowed)));
        continue;
      }
      if (!Boolean.FALSE.equals(option.get("enabled"))) {
        picked.add(optionKey);
      }
    }
    if (picked.size() > 1) {
      problems.add(Errors.attributeInvalid(at + "/options",
          "Only one option of setting " + key + " can be enabled; got " + String.join(", ", picked)));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
    return picked.stream().findFirst();
  }

  /** The stored form: the settings as sent, then each missing one with its chosen (default) option. */
  static List<Object> stored(Object sent, Map<String, String> chosen) {
    List<Object> settings = new ArrayList<>(sent instanceof List<?> list ? list : List.of());
    Map<String, String> missing = new LinkedHashMap<>(chosen);
    fromStored(settings).keySet().forEach(missing::remove);
    missing.forEach((key, option) -> {
      Map<String, Object> enabled = new LinkedHashMap<>();
      enabled.put("key", option);
      enabled.put("enabled", true);
      Map<String, Object> setting = new LinkedHashMap<>();
      setting.put("key", key);
      setting.put("options", List.of(enabled));
      settings.add(setting);
    });
    return settings;
  }

  /** Reads the stored form back: setting key → chosen option. */
  static Map<String, String> fromStored(Object stored) {
    Map<String, String> chosen = new LinkedHashMap<>();
    if (stored instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> setting && setting.get("key") instanceof String key
            && setting.get("options") instanceof List<?> options) {
          options.stream()
              .filter(option -> option instanceof Map<?, ?> map && map.get("key") instanceof String
                  && !Boolean.FALSE.equals(map.get("enabled")))
              .findFirst()
              .ifPresent(option -> chosen.put(key, (String) ((Map<?, ?>) option).get("key")));
        }
      }
    }
    return chosen;
  }
}
