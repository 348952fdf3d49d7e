package org.imrindex.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Board specialty names and their spellings in letters; subspecialties kept apart. */
final class Specialties {

  /** Board name, then the ways letters write it (the board name itself is always accepted). */
  private static final String[][] NAMES = {
    {"Anesthesiology", "Anesthesia", "Anesthesiologist"},
    {"Pain Medicine", "Pain Management", "Interventional Pain Management", "Interventional Pain Medicine"},
    {"Physical Medicine and Rehabilitation", "Physical Medicine & Rehabilitation", "PM&R", "PM & R", "Physiatry", "Physiatrist", "Physical Medicine & Rehab", "Physical Medicine and Rehab"},
    {"Family Medicine", "Family Practice", "Family Physician"},
    {"Internal Medicine", "Internist"},
    {"Orthopaedic Surgery", "Orthopedic Surgery", "Orthopedics", "Orthopaedics", "Orthopedic Surgeon", "Orthopaedic Surgeon", "Orthopedist"},
    {"Neurological Surgery", "Neurosurgery", "Neurosurgeon"},
    {"Neurology", "Neurologist", "Psychiatry and Neurology (Neurology)"},
    {"Psychiatry", "Psychiatrist"},
    {"Psychologist", "Psychology", "Clinical Psychology", "Clinical Psychologist"},
    {"Occupational Medicine", "Preventive Medicine/Occupational Medicine", "Occupational and Environmental Medicine"},
    {"Preventive Medicine"},
    {"Emergency Medicine"},
    {"Surgery", "General Surgery"},
    {"Plastic Surgery", "Plastic Surgeon"},
    {"Surgery of the Hand", "Hand Surgery"},
    {"Sports Medicine", "Sports Medicine Physician"},
    {"Spine Surgery", "Spinal Surgery"},
    {"Addiction Medicine"},
    {"Rheumatology", "Rheumatologist"},
    {"Cardiovascular Disease", "Cardiology", "Cardiologist"},
    {"Pulmonary Disease", "Pulmonology", "Pulmonologist"},
    {"Gastroenterology"},
    {"Endocrinology", "Endocrinology, Diabetes and Metabolism"},
    {"Geriatric Medicine"},
    {"Infectious Disease"},
    {"Nephrology"},
    {"Hematology"},
    {"Medical Oncology", "Oncology"},
    {"Dermatology", "Dermatologist"},
    {"Ophthalmology", "Ophthalmologist"},
    {"Otolaryngology", "Otolaryngologist", "ENT"},
    {"Urology", "Urologist"},
    {"Obstetrics and Gynecology", "Obstetrics & Gynecology", "OB/GYN"},
    {"Radiology", "Diagnostic Radiology", "Radiologist"},
    {"Podiatry", "Podiatric Surgery", "Podiatrist", "Foot and Ankle Surgery"},
    {"Chiropractor", "Chiropractic", "Doctor of Chiropractic", "Chiropractic Medicine"},
    {"Acupuncturist", "Acupuncture", "Licensed Acupuncturist"},
    {"Dentistry", "Dentist", "Oral and Maxillofacial Surgery"},
    {"Physical Therapist", "Physical Therapy"},
    {"Clinical Neurophysiology"},
    {"Spinal Cord Injury Medicine"},
    {"Hospice and Palliative Medicine", "Hospice & Palliative Medicine", "Palliative Care", "Palliative Medicine"},
    {"Sleep Medicine"},
    {"Pediatrics", "Pediatrician"},
    {"Vascular Surgery"},
    {"Thoracic Surgery"},
    {"Medical Toxicology", "Toxicology"},
    {"Public Health and General Preventive Medicine", "Public Health & General Preventive Medicine",
        "General Preventive Medicine and Public Health"},
    {"Neuromuscular Medicine"},
    {"Surgical Critical Care"},
  };

  /** Board names that are subspecialties rather than primary specialties. */
  private static final Set<String> SUBSPECIALTIES = Set.of(
      "Pain Medicine", "Sports Medicine", "Surgery of the Hand", "Spine Surgery", "Addiction Medicine",
      "Rheumatology", "Cardiovascular Disease", "Pulmonary Disease", "Gastroenterology",
      "Endocrinology", "Geriatric Medicine", "Infectious Disease", "Nephrology", "Hematology",
      "Medical Oncology", "Clinical Neurophysiology", "Spinal Cord Injury Medicine",
      "Hospice and Palliative Medicine", "Sleep Medicine", "Medical Toxicology", "Neuromuscular Medicine",
      "Surgical Critical Care");

  private static final Map<String, String> BY_ALIAS = new LinkedHashMap<>();
  private static final Pattern ANY;

  static {
    for (String[] row : NAMES) {
      for (String alias : row) {
        BY_ALIAS.put(norm(alias), row[0]);
      }
    }
    ANY = Pattern.compile("(?i)(?<![\\p{L}])(" + String.join("|", BY_ALIAS.keySet().stream()
        .sorted((a, b) -> b.length() - a.length()).map(Specialties::aliasRegex).toList()) + ")\\p{Ll}?(?![\\p{L}])"); // one stray letter: "Sports Medicinea"
  }

  private Specialties() {}

  /** Specialties and subspecialties named in a credential text. */
  record Found(List<String> specialties, List<String> subspecialties) {}

  /**
   * Finds the known specialty names in text. When {@code keepUnknown} is set, pieces of a list
   * that name no known specialty ("Board Certified in Wilderness Medicine") are kept as written.
   */
  // compiled once: String.split and replaceAll compile their pattern on every call
  private static final Pattern LIST_SEPARATOR = Pattern.compile(",|;|\\band\\b|\\bwith\\b|&");
  private static final Pattern FILLER_WORD = Pattern.compile(
      "(?i)\\b(a|an|the|has|is|in|subspecialty|subspecialties|board|certified|certification|specialty|of)\\b");
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L} ]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static Found find(String text, boolean keepUnknown) {
    List<String> specs = new ArrayList<>();
    List<String> subs = new ArrayList<>();
    Matcher m = ANY.matcher(text);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      rest.append(text, last, m.start()).append(',');
      last = m.end();
      String board = BY_ALIAS.get(norm(m.group(1)));
      List<String> target = SUBSPECIALTIES.contains(board) ? subs : specs;
      if (!target.contains(board)) {
        target.add(board);
      }
    }
    rest.append(text.substring(last));
    if (keepUnknown) {
      for (String piece : LIST_SEPARATOR.split(rest.toString())) {
        String p = SPACES.matcher(NOT_A_LETTER.matcher(FILLER_WORD.matcher(piece).replaceAll(" ")).replaceAll(" ").strip()).replaceAll(" ");
        if (p.length() >= 4 && Character.isUpperCase(p.charAt(0)) && !specs.contains(p)) {
          specs.add(p);
        }
      }
    }
    return new Found(specs, subs);
  }

  /** How many known board names the text holds. */
  static int count(String text) {
    Matcher m = ANY.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static String aliasRegex(String alias) {
    return Pattern.quote(alias).replace(" ", "\\E\\s+\\Q");
  }
}
