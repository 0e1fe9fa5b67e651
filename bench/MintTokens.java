// Mints many distinct ES256 tokens for one key, one per line, for the benchmark's "never-seen
// token" run (bench/tokens.lua sends each once). Every signature differs even with equal claims.
//   java -cp server/target/pomona.jar bench/MintTokens.java <AuthKey_X.p8> <keyId> <issuerId> <count> <out>
import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

public class MintTokens {
  public static void main(String[] args) throws Exception {
    TokenMinter minter = new TokenMinter(
        args[1], KeyMaterial.readPrivateKey(Files.readString(Path.of(args[0]))), Clock.systemUTC());
    int count = Integer.parseInt(args[3]);
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[4]))) {
      for (int i = 0; i < count; i++) {
        out.write(minter.teamToken(args[2], Duration.ofMinutes(20), List.of()));
        out.newLine();
      }
    }
  }
}
