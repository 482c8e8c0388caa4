// Java itself as the judge of the model's patterns: reads lines "<base64 pattern> <base64 value>"
// from stdin and prints, per line, 1 when java.util.regex.Pattern.matches(pattern, value) (the
// whole value, as AWS's validation does) and 0 otherwise. Run with `java JavaPatternOracle.java`.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

public class JavaPatternOracle {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    Base64.Decoder b64 = Base64.getDecoder();
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isEmpty()) continue;
      String[] parts = line.split(" ", -1);
      String pattern = new String(b64.decode(parts[0]), StandardCharsets.UTF_8);
      String value = new String(b64.decode(parts[1]), StandardCharsets.UTF_8);
      out.append(Pattern.matches(pattern, value) ? '1' : '0').append('\n');
    }
    System.out.print(out);
  }
}
