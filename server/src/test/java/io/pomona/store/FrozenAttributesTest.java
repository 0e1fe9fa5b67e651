package io.pomona.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenAttributesTest {
  @Test
  void keepsOrderAndNullsAndRefusesEveryChange() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("b", 1);
    source.put("a", null);
    FrozenAttributes frozen = FrozenAttributes.copyOf(source);
    source.put("c", 3);

    assertThat(frozen.keySet()).containsExactly("b", "a");
    assertThat(frozen.containsKey("a")).isTrue();
    assertThat(frozen).isEqualTo(withNull()).hasSameHashCodeAs(withNull());
    assertThatThrownBy(() -> frozen.put("d", 4)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.remove("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue(2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(frozen::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aStoredResourceKeepsFrozenAttributesAndCopiesOthers() {
    FrozenAttributes frozen = FrozenAttributes.copyOf(Map.of("name", "x"));
    Map<String, Object> plain = new LinkedHashMap<>(Map.of("name", "x"));
    Instant now = Instant.EPOCH;

    assertThat(new StoredResource("T", "apps", "1", frozen, now, now, 1, 1).attributes()).isSameAs(frozen);
    Map<String, Object> copied = new StoredResource("T", "apps", "1", plain, now, now, 1, 1).attributes();
    plain.put("name", "changed");
    assertThat(copied).containsEntry("name", "x");
  }

  private static Map<String, Object> withNull() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", 1);
    expected.put("a", null);
    return expected;
  }
}
