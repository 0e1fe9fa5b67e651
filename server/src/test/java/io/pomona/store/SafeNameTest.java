package io.pomona.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeNameTest {
  @Test
  void lettersDigitsAndUnderscoresAfterALetterPass() {
    for (String name : new String[] {"builds", "appStoreVersions", "a", "Z9", "x_1_y"}) {
      assertThat(SafeName.require(name, "type")).isEqualTo(name);
    }
  }

  @Test
  void anythingElseIsRefused() {
    for (String name : new String[] {"", "1builds", "_builds", "build s", "builds'", "a.b", "a-b", "é", "a\u0000"}) {
      assertThatThrownBy(() -> SafeName.require(name, "type"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("type name must match");
    }
    assertThatThrownBy(() -> SafeName.require(null, "attribute")).isInstanceOf(IllegalArgumentException.class);
  }
}
