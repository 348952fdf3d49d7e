package org.imrindex.parse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.model.DateSource;
import org.imrindex.model.Decision;
import org.imrindex.model.DeterminationLetter;
import org.imrindex.model.Drug;
import org.imrindex.model.FinalDetermination;
import org.imrindex.model.Layout;
import org.imrindex.model.Outcome;
import org.imrindex.model.Patient;
import org.imrindex.model.Reviewer;
import org.imrindex.model.ServiceCategory;
import org.imrindex.model.Source;
import org.imrindex.model.Verdict;

/**
 * Turns one determination letter into a {@link DeterminationLetter}: text extraction, cleaning,
 * layout detection, then each field. Thread-safe; one instance can serve every thread.
 */
public final class LetterParser {

  private static final Pattern SUMMARY_LEAD = Pattern.compile(
      "(?i)^(?:the\\s+)?(?:expert\\s+|physician\\s+|professional\\s+|medical\\s+)?reviewer\\s+developed\\s+the\\s+following\\s+[^:]{0,160}:\\s*");
  private static final Pattern VERDICT = Pattern.compile(
      "(?i)^(partial(?:ly)?\\s+overturn(?:ed)?|overturn(?:ed)?|uphold|upheld)\\b[\\s.:;,-]*(.*)$");

  private final TextExtractor extractor;
  private final TextCleaner cleaner = new TextCleaner();
  private final DrugLexicon lexicon;
  private final DrugResolver drugs;

  public LetterParser() {
    this(new TextExtractor(), DrugLexicon.standard());
  }

  public LetterParser(TextExtractor extractor, DrugLexicon lexicon) {
    this.extractor = extractor;
    this.lexicon = lexicon;
    this.drugs = new DrugResolver(lexicon);
  }

  /** Parses a letter file of any supported format. */
  public DeterminationLetter parse(Path file) throws LetterRejectedException {
    return read(file).letter();
  }

  /** Parses a letter file and keeps its cleaned text as well. */
  public ParsedLetter read(Path file) throws LetterRejectedException {
    return read(file, extractor.extract(file));
  }

  /** Parses the text already extracted from {@code file}. */
  public ParsedLetter read(Path file, ExtractedText t) throws LetterRejectedException {
    return readText(t.text(), new Source(file.toString(), t.sha256(), t.contentType(), t.pages()));
  }

  /** Parses letter text already extracted; {@code source.pages} is filled in from the text if null. */
  public DeterminationLetter parseText(String text, Source source) throws LetterRejectedException {
    return readText(text, source).letter();
  }

  /** Parses letter text already extracted and keeps its cleaned text. */
  public ParsedLetter readText(String text, Source source) throws LetterRejectedException {
    TextCleaner.Cleaned cleaned = cleaner.clean(text);
    if (cleaned.lines().isEmpty()) {
      throw new LetterRejectedException(RejectReason.EMPTY, "no text");
    }
    Source src = source.pages() == null && cleaned.pages() != null
        ? new Source(source.path(), source.sha256(), source.contentType(), cleaned.pages()) : source;
    Sections sections = Sections.split(cleaned.lines());
    Map<CoverFields.Label, String> cover = CoverFields.read(headLines(sections));
    Layout layout = layoutOf(sections, cover, cleaned.lines());
    if (layout == null) {
      throw new LetterRejectedException(RejectReason.NOT_A_DETERMINATION,
          "no IMR determination headings (e.g. CLINICAL CASE SUMMARY, IMR ISSUES, DECISIONS AND RATIONALES)");
    }
    NoticeLetter.Notice notice = layout == Layout.NOTICE ? NoticeLetter.read(cleaned.lines()) : null;
    if (notice != null) {
      // the notice's head holds its fields; the opening paragraph states the dates the head may lack
      cover = new EnumMap<>(CoverFields.read(notice.header()));
      notice.statedDates().forEach(cover::putIfAbsent);
    }
    List<RawDecision> raw = new ArrayList<>(switch (layout) {
      case STANDARD, COVER -> decisionBlocks(sections, Heading.ISSUES, Heading.DECISIONS);
      case DOCUMENTS_REVIEWED -> decisionBlocks(sections, Heading.DECISIONS, Heading.ISSUES);
      case PROFESSIONAL_REVIEW -> ProfessionalReview.parse(sections.lines(Heading.ISSUE_AT_DISPUTE),
          sections.lines(Heading.GUIDELINES_RELIED_UPON), sections.lines(Heading.RATIONALE_TEMPLATE));
      case NOTICE -> NoticeDecisions.of(notice);
    });
    if (raw.isEmpty()) {
      throw new LetterRejectedException(RejectReason.NO_DECISIONS, "a " + layout + " letter, but no outcome statement could be found");
    }
    List<Decision> decisions = new ArrayList<>(raw.size());
    List<String> warnings = new ArrayList<>();
    for (RawDecision r : raw) {
      decisions.add(decision(r));
      for (String problem : r.problems()) {
        warnings.add("decision " + decisions.size() + ": " + problem);
      }
    }
    String summary = notice != null ? notice.summary() : summary(sections);
    Reviewer reviewer = switch (layout) {
      case PROFESSIONAL_REVIEW -> ReviewerParser.prose(Text.join(sections.lines(Heading.QUALIFICATIONS)));
      case NOTICE -> ReviewerParser.prose(notice.qualifications());
      default -> ReviewerParser.read(sections.has(Heading.HOW_MADE) ? sections.lines(Heading.HOW_MADE) : sections.front());
    };
    Patient patient = PatientParser.read(summary, date(cover, CoverFields.Label.DATE_OF_INJURY));
    LocalDate letterDate = date(cover, CoverFields.Label.DATED);
    LocalDate statedDecision = date(cover, CoverFields.Label.DECISION_DATE);
    // a letter that states no decision date was decided on the day it is dated (the 2013 notices)
    LocalDate decisionDate = statedDecision != null ? statedDecision : letterDate;
    DateSource dateSource = statedDecision != null ? DateSource.DECISION : letterDate != null ? DateSource.LETTER : null;
    return new ParsedLetter(new DeterminationLetter(
        caseNumber(text, cover),
        src,
        layout,
        letterDate,
        decisionDate,
        dateSource,
        date(cover, CoverFields.Label.DATE_ASSIGNED),
        date(cover, CoverFields.Label.UR_DENIAL_DATE),
        date(cover, CoverFields.Label.APPLICATION_RECEIVED),
        blankToNull(cover.get(CoverFields.Label.PRIORITY)),
        finalDetermination(cover.get(CoverFields.Label.FINAL_DETERMINATION)),
        reviewer,
        patient,
        summary,
        decisions,
        warnings), String.join("\n", cleaned.lines()));
  }

  /**
   * The decision blocks of the first of the given sections, then of any later section that holds
   * outcome statements: a heading-like line inside the decisions (a rationale line "CC", say) must
   * not drop the decisions after it. Those carry a problem naming the heading.
   */
  private static List<RawDecision> decisionBlocks(Sections sections, Heading... where) {
    int at = sections.indexOfFirst(where);
    if (at < 0) {
      return List.of();
    }
    List<Sections.Section> all = sections.all();
    List<RawDecision> out = new ArrayList<>(DecisionBlocks.parse(all.get(at).lines()));
    for (int k = at + 1; k < all.size(); k++) {
      Sections.Section s = all.get(k);
      if (!hasOutcomeStatement(s.lines())) {
        continue;
      }
      String note = "read after a " + s.heading().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + " heading, which cut the decision section";
      for (RawDecision r : DecisionBlocks.parse(s.lines())) {
        List<String> problems = new ArrayList<>(r.problems());
        problems.add(0, note);
        out.add(new RawDecision(r.item(), r.originalRequest(), r.authorized(), r.statedOutcome(), r.claimsGuideline(),
            r.reviewerGuideline(), r.rationale(), problems));
      }
    }
    return out;
  }

  private static boolean hasOutcomeStatement(List<String> lines) {
    for (String line : lines) {
      if (DecisionBlocks.isOutcomeStatement(line)) {
        return true;
      }
    }
    return false;
  }

  private Decision decision(RawDecision r) {
    String item = Text.trimItem(r.item());
    ServiceCategory category = ServiceCategorizer.categorize(item, lexicon);
    Drug drug = category == ServiceCategory.PHARMACEUTICAL ? drugs.resolve(item) : null;
    Outcome outcome = r.statedOutcome() != null ? r.statedOutcome() : OutcomeReader.read(r.rationale());
    String cited = CitationParser.reliedUpon(r.reviewerGuideline(), r.claimsGuideline());
    return new Decision(item, r.originalRequest(), r.authorized(), outcome, category, drug, r.claimsGuideline(), r.reviewerGuideline(),
        CitationParser.sources(cited), CitationParser.mtusPages(cited), CitationParser.citations(cited), r.rationale(),
        ReasonClassifier.classify(r.rationale(), outcome));
  }

  private static Layout layoutOf(Sections s, Map<CoverFields.Label, String> cover, List<String> lines) {
    if (s.has(Heading.PROFESSIONAL_REVIEW) || (s.has(Heading.ISSUE_AT_DISPUTE) && s.has(Heading.RATIONALE_TEMPLATE))) {
      return Layout.PROFESSIONAL_REVIEW;
    }
    if (s.has(Heading.DECISIONS) || (s.has(Heading.DOCUMENTS_REVIEWED) && s.has(Heading.ISSUES))) {
      return Layout.DOCUMENTS_REVIEWED;
    }
    if (s.has(Heading.ISSUES)) {
      boolean coverPage = cover.containsKey(CoverFields.Label.DATE_ASSIGNED) || cover.containsKey(CoverFields.Label.DECISION_DATE)
          || cover.containsKey(CoverFields.Label.APPLICATION_RECEIVED) || cover.containsKey(CoverFields.Label.CASE_NUMBER);
      return coverPage ? Layout.COVER : Layout.STANDARD;
    }
    // last, so that no letter another layout reads changes: the notice has none of their headings
    return NoticeLetter.isNotice(lines) ? Layout.NOTICE : null;
  }

  /**
   * The lines that hold a letter's head fields: those before the first heading, and for a
   * professional review also those under its title ("MEDICAL PROFESSIONAL REVIEW" / "IMR Case
   * Number: …" / "Dated: …"), which is a heading itself.
   */
  private static List<String> headLines(Sections s) {
    if (!s.has(Heading.PROFESSIONAL_REVIEW)) {
      return s.front();
    }
    List<String> out = new ArrayList<>(s.front());
    out.addAll(s.lines(Heading.PROFESSIONAL_REVIEW));
    return out;
  }

  private static String summary(Sections s) {
    String text = Text.join(s.linesOfFirst(Heading.CLINICAL_SUMMARY, Heading.CASE_SUMMARY));
    if (text == null) {
      return null;
    }
    String out = SUMMARY_LEAD.matcher(text).replaceFirst("").strip();
    return out.isEmpty() ? null : out;
  }

  private static String caseNumber(String text, Map<CoverFields.Label, String> cover) {
    String labelled = cover.get(CoverFields.Label.CASE_NUMBER);
    Matcher m = Text.CASE_NUMBER.matcher(labelled != null ? labelled : "");
    if (m.find()) {
      return m.group();
    }
    // jump from "CM" to "CM" instead of letting the regex try every position of the letter
    m = Text.CASE_NUMBER.matcher(text).useTransparentBounds(true);
    for (int i = text.indexOf("CM"); i >= 0; i = text.indexOf("CM", i + 1)) {
      if (m.region(i, text.length()).lookingAt()) {
        return m.group();
      }
    }
    return null;
  }

  private static LocalDate date(Map<CoverFields.Label, String> cover, CoverFields.Label label) {
    return Dates.first(cover.get(label));
  }

  private static FinalDetermination finalDetermination(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = VERDICT.matcher(value.strip());
    if (!m.matches()) {
      return null;
    }
    String word = m.group(1).toLowerCase(Locale.ROOT);
    Verdict v = word.startsWith("partial") ? Verdict.PARTIAL_OVERTURN
        : word.startsWith("overturn") ? Verdict.OVERTURN : Verdict.UPHOLD;
    return new FinalDetermination(v, blankToNull(m.group(2)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
