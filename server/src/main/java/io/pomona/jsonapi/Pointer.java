package io.pomona.jsonapi;

/** A JSON pointer (RFC 6901) into a request body, built one member or index at a time. */
record Pointer(String text) {
  static final Pointer ROOT = new Pointer("");

  Pointer member(String name) {
    // RFC 6901 §3: '~' and '/' in a member name are escaped, '~' first.
    return new Pointer(text + "/" + name.replace("~", "~0").replace("/", "~1"));
  }

  Pointer index(int index) {
    return new Pointer(text + "/" + index);
  }

  @Override
  public String toString() {
    return text;
  }
}
