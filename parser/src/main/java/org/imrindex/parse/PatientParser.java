package org.imrindex.parse;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.model.Patient;
import org.imrindex.model.Sex;

/** Reads age, sex and date of injury from a case summary's opening, as the letter states them. */
final class PatientParser {

  private static final Pattern AGE = Pattern.compile(
      "(?i)\\b(\\d{1,3})[- ]?(?:years?|yrs?|y/o|yo)(?:[- ]old)?\\b|\\bage(?:d)?\\s*:?\\s*(\\d{1,3})\\b");
  private static final Pattern SEX = Pattern.compile("(?i)\\b(male|female|man|woman|gentleman|lady)\\b");
  private static final Pattern INJURY = Pattern.compile(
      "(?i)\\b(?:date\\s+of\\s+(?:injury|industrial\\s+injury)|DOI|injur(?:y|ies|ed)|industrial\\s+accident)\\b[^.]{0,60}?\\b(?:on|of|dated|is|was|:)\\s*(" + Dates.DATE + ")");
  private static final int OPENING = 600;

  private PatientParser() {}

  static Patient read(String summary, LocalDate coverDateOfInjury) {
    LocalDate doi = coverDateOfInjury;
    if (summary == null) {
      return new Patient(null, null, doi);
    }
    String opening = summary.length() > OPENING ? summary.substring(0, OPENING) : summary;
    Integer age = null;
    Matcher a = AGE.matcher(opening);
    if (a.find()) {
      int v = Integer.parseInt(a.group(1) != null ? a.group(1) : a.group(2));
      age = v >= 14 && v <= 100 ? v : null;
    }
    Sex sex = null;
    Matcher s = SEX.matcher(opening);
    if (s.find()) {
      String w = s.group(1).toLowerCase(java.util.Locale.ROOT);
      sex = w.equals("male") || w.equals("man") || w.equals("gentleman") ? Sex.MALE : Sex.FEMALE;
    }
    if (doi == null) {
      Matcher d = INJURY.matcher(summary);
      if (d.find()) {
        doi = Dates.parse(d.group(1));
      }
    }
    return new Patient(age, sex, doi);
  }
}
