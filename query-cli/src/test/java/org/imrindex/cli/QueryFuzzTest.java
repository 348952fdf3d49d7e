package org.imrindex.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of generated hostile queries, from a fixed seed so a failure repeats: nested counted
 * repetition, regular expressions of random syntax, wildcards, fuzzy terms, thousands of OR-ed
 * words, deep and unbalanced nesting, stray quotes and backslashes, control characters, internal
 * and unknown field names, ranges and boosts. Each, through search, report, terms and export, ends
 * with exit 0 and nothing on stderr, or exit 2 and one line: never an internal error, a stack trace
 * or a hang. Work is bounded by the query limits, not by this test's clock; the preemptive timeout
 * only turns a hang into a failure.
 */
class QueryFuzzTest {

  private static final long SEED = 0x1313_2026L;
  private static final int QUERIES = 400;
  private static final Duration HANG = Duration.ofMinutes(10);

  private static final String[] WORDS = {"opioid", "Norco", "tramadol", "MRI", "lumbar", "physical", "therapy", "functional",
      "improvement", "MTUS", "ACOEM", "ODG", "10/325mg", "EMG/NCV", "4", "A's", "not", "medically", "necessary", "é", "ß", "日本",
      "\uD83D\uDE00", "\u05D0\u05D1", "e\u0301"};
  private static final String[] FIELDS = {"item", "rationale", "guideline", "summary", "text", "$facet_drug_class", "drug_class",
      "case_number", "Rationale", "rationle", "letter_id", "record", "", "_id", "*", "item.exact"};
  private static final String[] JUNK = {"(", ")", "\"", "\\", "/", "*", "?", "~", "^", ":", "[", "]", "{", "}", "&&", "||", "!",
      "-", "+", "AND", "OR", "NOT", "TO", "\u0000", "\u001b[2J", "\u0007", "\u2028", "\r\n", "\t"};

  private final Random random = new Random(SEED);

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private String any(String[] from) {
    return from[random.nextInt(from.length)];
  }

  private final List<Function<Random, String>> kinds = List.of(
      r -> "/" + "(".repeat(1 + r.nextInt(4)) + "a" + repeat(r) + ")" + repeat(r) + ")".repeat(r.nextInt(3)) + "/",
      r -> "/((a{1," + (1 + r.nextInt(200)) + "}){1," + (1 + r.nextInt(200)) + "}){1," + (1 + r.nextInt(200)) + "}/",
      r -> (r.nextBoolean() ? any(FIELDS) + ":" : "") + "/" + randomRegex(r, 1 + r.nextInt(40)) + "/",
      r -> "/(a|b)*a(a|b){" + r.nextInt(40) + "}/",
      r -> "/.{0," + r.nextInt(100_000) + "}/",
      r -> "/" + "a".repeat(r.nextInt(600)) + "/",
      r -> wildcard(r),
      r -> String.join(" OR ", nCopies(r, 1 + r.nextInt(3_000), () -> word() + (r.nextBoolean() ? "~" + r.nextInt(3) : ""))),
      r -> String.join(" ", nCopies(r, 1 + r.nextInt(500), () -> word() + "~")),
      r -> String.join(" OR ", nCopies(r, 1 + r.nextInt(60), () -> wildcard(r))),
      r -> "(".repeat(r.nextInt(100)) + word() + ")".repeat(r.nextInt(100)),
      r -> "\"" + word() + " " + word() + (r.nextBoolean() ? "\"" : "") + "~" + r.nextInt(Integer.MAX_VALUE),
      r -> any(FIELDS) + ":" + word(),
      r -> any(FIELDS) + ":[" + word() + " TO " + (r.nextBoolean() ? "*" : word()) + (r.nextBoolean() ? "]" : "}"),
      r -> word() + "^" + (r.nextBoolean() ? r.nextInt() : r.nextDouble() * 1e30),
      r -> {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
          sb.append(r.nextInt(3) == 0 ? word() : any(JUNK)).append(r.nextBoolean() ? " " : "");
        }
        return sb.toString();
      },
      r -> word().repeat(1 + r.nextInt(1_200)),
      r -> String.join(" AND ", nCopies(r, 1 + r.nextInt(200), () -> "(" + word() + " OR " + word() + ")")),
      r -> "NOT " + word(),
      r -> "*:*",
      r -> "\\" + word() + "\\");

  private static String repeat(Random r) {
    int min = r.nextInt(60);
    return switch (r.nextInt(4)) {
      case 0 -> "{" + min + "}";
      case 1 -> "{" + min + ",}";
      case 2 -> "{" + min + "," + (min + r.nextInt(100)) + "}";
      default -> r.nextBoolean() ? "*" : "+";
    };
  }

  private static String randomRegex(Random r, int n) {
    String alphabet = "ab.()|*+?{}[]^~&#<>0123456789,-\\\"@";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private String wildcard(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(switch (r.nextInt(4)) {
        case 0 -> "*";
        case 1 -> "?";
        default -> word().substring(0, 1);
      });
    }
    return sb.toString();
  }

  private static List<String> nCopies(Random r, int n, java.util.function.Supplier<String> s) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(s.get());
    }
    return out;
  }

  @Test
  void everyHostileQueryIsAnsweredOrRefusedInOneLine() throws IOException {
    String index = Fixtures.corpusIndex();
    List<String> failures = new ArrayList<>();
    assertTimeoutPreemptively(HANG, () -> {
      for (int i = 0; i < QUERIES; i++) {
        String q = kinds.get(random.nextInt(kinds.size())).apply(random);
        String[] args = switch (i % 4) {
          case 0, 1 -> new String[] {"search", "--index", index, q, "--limit", "3", "--facet", "all"};
          case 2 -> new String[] {"report", "--index", index, "--by", "outcome", "--query", q};
          default -> new String[] {"terms", "--index", index, "--query", q, "--limit", "3"};
        };
        Fixtures.Run run = Fixtures.imr(args);
        boolean ok = run.exit() == 0 && run.err().isEmpty()
            || run.exit() == 2 && run.err().startsWith("imr: ") && run.err().lines().count() == 1 && !run.err().contains("stack trace")
            && !run.err().contains("Exception");
        if (!ok) {
          failures.add(args[0] + " " + Terminal.escape(q.length() > 200 ? q.substring(0, 200) + "…" : q) + " -> exit " + run.exit() + ": "
              + Terminal.escape(run.err().length() > 300 ? run.err().substring(0, 300) : run.err()));
        }
      }
    });
    assertTrue(failures.isEmpty(), failures.size() + " of " + QUERIES + " queries ended badly:\n" + String.join("\n", failures));
  }
}
