package org.imrindex.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** US state names and USPS codes, found in credential text. */
final class States {

  private static final Map<String, String> CODES = new LinkedHashMap<>();

  static {
    String[] pairs = {
      "Alabama", "AL", "Alaska", "AK", "Arizona", "AZ", "Arkansas", "AR", "California", "CA",
      "Colorado", "CO", "Connecticut", "CT", "Delaware", "DE", "District of Columbia", "DC",
      "Florida", "FL", "Georgia", "GA", "Hawaii", "HI", "Idaho", "ID", "Illinois", "IL",
      "Indiana", "IN", "Iowa", "IA", "Kansas", "KS", "Kentucky", "KY", "Louisiana", "LA",
      "Maine", "ME", "Maryland", "MD", "Massachusetts", "MA", "Michigan", "MI", "Minnesota", "MN",
      "Mississippi", "MS", "Missouri", "MO", "Montana", "MT", "Nebraska", "NE", "Nevada", "NV",
      "New Hampshire", "NH", "New Jersey", "NJ", "New Mexico", "NM", "New York", "NY",
      "North Carolina", "NC", "North Dakota", "ND", "Ohio", "OH", "Oklahoma", "OK", "Oregon", "OR",
      "Pennsylvania", "PA", "Rhode Island", "RI", "South Carolina", "SC", "South Dakota", "SD",
      "Tennessee", "TN", "Texas", "TX", "Utah", "UT", "Vermont", "VT", "Virginia", "VA",
      "Washington", "WA", "West Virginia", "WV", "Wisconsin", "WI", "Wyoming", "WY",
      "Puerto Rico", "PR"
    };
    for (int i = 0; i < pairs.length; i += 2) {
      CODES.put(pairs[i].toLowerCase(Locale.ROOT), pairs[i + 1]);
    }
  }

  // longest names first so "West Virginia" wins over "Virginia"
  private static final Pattern NAME = Pattern.compile("(?i)\\b(" + String.join("|",
      CODES.keySet().stream().sorted((a, b) -> b.length() - a.length()).map(s -> s.replace(" ", "\\s+")).toList())
      + ")\\b");
  private static final Pattern CODE = Pattern.compile("\\b([A-Z]{2})\\b");

  private States() {}

  /** USPS codes of the state names in text, in order, without repeats. */
  static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String code = CODES.get(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
      if (!out.contains(code)) {
        out.add(code);
      }
    }
    return out;
  }

  /** Like {@link #names} but also accepts bare USPS codes, for a list such as "CA, NV". */
  static List<String> namesOrCodes(String text) {
    List<String> out = names(text);
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      if (CODES.containsValue(m.group(1)) && !out.contains(m.group(1))) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
