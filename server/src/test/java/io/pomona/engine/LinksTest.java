package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void aPathOfPathCharactersIsKeptAsItIs() {
    String path = "/v1/builds/483e25a3-67ac-6cf9-f7ad-c5f3fc3cf928";
    assertThat(Links.encodePath(path)).isSameAs(path);
    assertThat(Links.request("https://api.example", path, "")).isEqualTo("https://api.example" + path);
  }

  @Test
  void otherCharactersArePercentEncodedAsUtf8() {
    assertThat(Links.encodePath("/v1/apps/a b")).isEqualTo("/v1/apps/a%20b");
    assertThat(Links.encodePath("/v1/apps/é")).isEqualTo("/v1/apps/%C3%A9");
    assertThat(Links.encodePath("/v1/apps/a?b#c")).isEqualTo("/v1/apps/a%3Fb%23c");
  }

  @Test
  void theQueryKeepsItsEscapes() {
    assertThat(Links.request("http://h", "/v1/apps", "filter%5Bname%5D=a b"))
        .isEqualTo("http://h/v1/apps?filter%5Bname%5D=a%20b");
  }
}
