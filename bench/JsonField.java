// Prints one string field of the JSON document on standard input, by JSON pointer; the benchmark
// scripts use it to follow links.next.   ... | java -cp server/target/pomona.jar bench/JsonField.java /links/next
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class JsonField {
  public static void main(String[] args) throws Exception {
    JsonNode value = new ObjectMapper().readTree(System.in).at(args[0]);
    if (!value.isTextual()) {
      System.err.println("no string at " + args[0]);
      System.exit(1);
    }
    System.out.println(value.asText());
  }
}
