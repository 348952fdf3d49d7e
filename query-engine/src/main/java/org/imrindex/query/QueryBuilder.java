package org.imrindex.query;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.imrindex.lexicon.DrugEntry;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.schema.FacetDimension;
import org.imrindex.schema.IndexField;

/**
 * Builds the Lucene query over decision documents from the user's query and filters. The query uses
 * Lucene's classic syntax with AND between bare terms; unqualified terms search the decision's own
 * fields (item, rationale, guideline), ranked. Letter fields (summary, text — the whole letter),
 * named, match on the letter and reach all its decisions through a block join.
 */
public final class QueryBuilder {

  /**
   * The fields a bare term searches: the decision's own (its item, rationale and citations). The
   * letter's fields (summary, text) are searched only when named: a bare word means the decisions
   * that say it, not the other decisions of a letter that mentions it somewhere. In exact mode
   * their exact twins.
   */
  static final IndexField[] BARE_WORD_FIELDS = {IndexField.ITEM, IndexField.RATIONALE, IndexField.GUIDELINE};

  private final QueryIndex index;

  public QueryBuilder(QueryIndex index) {
    this.index = index;
  }

  /**
   * Decisions matching {@code userQuery} (null or blank: all decisions) and {@code filters};
   * {@code exact} matches the letter text literally (no stemming, no synonyms).
   */
  public Query decisions(String userQuery, boolean exact, Filters filters) throws QuerySyntaxException, IOException {
    return decisions(userQuery == null || userQuery.isBlank() ? null : parse(userQuery, exact), filters);
  }

  /** The decisions matching a query already {@linkplain #parse parsed} (null: all) and the filters. */
  public Query decisions(Query parsed, Filters filters) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(type(IndexField.DECISION), BooleanClause.Occur.FILTER);
    if (parsed != null) {
      b.add(toDecisions(parsed), BooleanClause.Occur.MUST);
    }
    for (Map.Entry<String, List<String>> e : filters.values().entrySet()) {
      b.add(e.getKey().equals(CASE_NUMBER) ? caseFilter(e.getValue()) : valueFilter(e.getKey(), e.getValue()), BooleanClause.Occur.FILTER);
    }
    for (Map.Entry<RangeField, List<Filters.Range>> e : filters.ranges().entrySet()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Filters.Range r : e.getValue()) {
        any.add(e.getKey().query(r), BooleanClause.Occur.SHOULD);
      }
      b.add(e.getValue().size() == 1 ? e.getKey().query(e.getValue().get(0)) : any.build(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** The letter-level text fields: their clauses are matched on the letter and joined to its decisions. */
  private static final java.util.Set<String> LETTER_FIELDS = java.util.Set.of(
      IndexField.SUMMARY.fieldName(), IndexField.TEXT.fieldName(),
      IndexField.SUMMARY.exactFieldName());

  /**
   * Rewrites a parsed query for decision documents, clause by clause: a clause on a letter field
   * (summary, text) becomes a block join from the matching letters to their decisions; boolean
   * structure is kept, so {@code rationale:x AND summary:y} means "decisions whose rationale has x,
   * in letters whose summary has y".
   */
  Query toDecisions(Query q) {
    if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      for (BooleanClause c : bq.clauses()) {
        out.add(toDecisions(c.query()), c.occur());
      }
      return out.build();
    }
    if (q instanceof org.apache.lucene.search.BoostQuery boost) {
      return new org.apache.lucene.search.BoostQuery(toDecisions(boost.getQuery()), boost.getBoost());
    }
    java.util.Set<String> fields = new java.util.HashSet<>();
    q.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return false;
      }
    });
    if (!fields.isEmpty() && LETTER_FIELDS.containsAll(fields)) {
      Query onLetters = new BooleanQuery.Builder()
          .add(type(IndexField.LETTER), BooleanClause.Occur.FILTER).add(q, BooleanClause.Occur.MUST).build();
      // a match in the letter's text counts, but ranks below a match in the decision's own text; a
      // constant score also spares the join from scoring every matching letter, and lets the
      // ranking skip letters that cannot enter the top hits
      return new org.apache.lucene.search.ConstantScoreQuery(new ToChildBlockJoinQuery(onLetters, index.letters()));
    }
    return q;
  }

  /** Parses the user's query with the index's analysis (exact: literal), or says what is wrong and where. */
  public Query parse(String userQuery, boolean exact) throws QuerySyntaxException {
    QueryLimits.checkQueryText(userQuery);
    UserQueryParser parser = new UserQueryParser(BARE_WORD_FIELDS, index.queryAnalyzer(), exact);
    Query q;
    try {
      q = parser.parse(escapeInnerSlashes(userQuery));
    } catch (ParseException e) {
      QuerySyntaxException limit = limit(e);
      if (limit != null) {
        throw limit;
      }
      throw new QuerySyntaxException(syntaxMessage(userQuery, e));
    } catch (UserQueryParser.Refused e) {
      throw e.limit();
    } catch (TooComplexToDeterminizeException e) {
      throw tooComplex();
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses();
    } catch (StackOverflowError e) {
      throw new QueryLimitException("the query is nested too deeply");
    } catch (RuntimeException | Error e) {
      // the lexer throws an Error (TokenMgrError) for an unterminated phrase or a trailing backslash
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("column (\\d+)").matcher(String.valueOf(e.getMessage()));
      String where = m.find() ? " at column " + m.group(1) : "";
      throw new QuerySyntaxException("query syntax error" + where + " (an unclosed quote or a trailing backslash?): " + userQuery);
    }
    if (clauses(q) > QueryLimits.MAX_CLAUSES) {
      throw tooManyClauses();
    }
    return q;
  }

  /** The limit behind a parse failure (the parser wraps what its builders throw), or null for a syntax error. */
  private static QuerySyntaxException limit(ParseException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof TooComplexToDeterminizeException) {
        return tooComplex();
      }
      if (t instanceof IndexSearcher.TooManyClauses) {
        return tooManyClauses();
      }
      if (t instanceof UserQueryParser.Refused r) {
        return r.limit();
      }
      if (t instanceof ParseException p && p.currentToken == null && p.getMessage() != null && p.getMessage().startsWith("unknown field")) {
        return new QuerySyntaxException(p.getMessage());
      }
    }
    return null;
  }

  private static QueryLimitException tooComplex() {
    return new QueryLimitException("a wildcard or regular expression of the query is too complex to run (it would take over "
        + String.format(java.util.Locale.ROOT, "%,d", QueryLimits.DETERMINIZE_WORK_LIMIT) + " steps to compile); make it simpler");
  }

  private static QueryLimitException tooManyClauses() {
    return new QueryLimitException("the query expands to more than " + String.format(java.util.Locale.ROOT, "%,d", QueryLimits.MAX_CLAUSES)
        + " clauses (each word searches several fields and its synonyms); use fewer terms");
  }

  /** The leaf queries of {@code q}: what Lucene's clause limit counts. */
  static int clauses(Query q) {
    int[] n = new int[1];
    q.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public org.apache.lucene.search.QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query query) {
        n[0]++;
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        n[0]++;
      }
    });
    return n[0];
  }

  /**
   * Escapes a slash inside a word ("10/325mg", "EMG/NCV"), which the classic syntax would read as the
   * start of a regular expression; a slash that starts a term still opens one ({@code /regex/}), and
   * the slash that closes it is left alone (also after a letter: {@code /opioid/}).
   */
  static String escapeInnerSlashes(String query) {
    StringBuilder sb = new StringBuilder(query.length() + 8);
    boolean regex = false;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\' && i + 1 < query.length()) {
        sb.append(c).append(query.charAt(++i));
        continue;
      }
      if (regex) {
        regex = c != '/';
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '/') {
        if (i > 0 && Character.isLetterOrDigit(query.charAt(i - 1))) {
          sb.append('\\');
        } else if (!quoted) {
          regex = true;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static String syntaxMessage(String query, ParseException e) {
    if (e.currentToken != null && e.currentToken.next != null) {
      int column = e.currentToken.next.beginColumn;
      String near = e.currentToken.next.image == null || e.currentToken.next.image.isEmpty() ? "end of query" : "'" + e.currentToken.next.image + "'";
      return "query syntax error at column " + (column + 1) + " (" + near + "): " + query;
    }
    String m = e.getMessage() == null ? "invalid query" : e.getMessage().lines().findFirst().orElse("invalid query");
    java.util.regex.Matcher lexical = java.util.regex.Pattern.compile("Lexical error at line \\d+, column (\\d+)").matcher(m);
    if (lexical.find()) {
      return "query syntax error at column " + lexical.group(1) + " (an unclosed quote or a trailing backslash?): " + query;
    }
    return "query syntax error: " + m.replaceFirst("^Cannot parse '.*?': ", "");
  }

  /**
   * The filter key of case numbers ({@code --filter case_number=CM15-0000077}, several values OR-ed,
   * also comma-separated): not a facet dimension, the letter id is the case number.
   */
  public static final String CASE_NUMBER = "case_number";

  private static List<String> caseNumbers(List<String> values) {
    List<String> out = new java.util.ArrayList<>();
    for (String v : values) {
      for (String one : v.split(",")) {
        if (!one.isBlank()) {
          out.add(one.strip());
        }
      }
    }
    return out;
  }

  private static Query caseFilter(List<String> values) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : caseNumbers(values)) {
      any.add(CaseNumbers.query(v), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private Query valueFilter(String dim, List<String> values) {
    if (FacetDimension.of(dim) == FacetDimension.TEMPLATE_BAND) {
      return new TemplateBandQuery(index, values);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    String field = index.config().getDimConfig(dim).indexFieldName;
    for (String v : values) {
      any.add(new TermQuery(new Term(field, FacetsConfig.pathToString(dim, new String[] {v}))), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  /**
   * Checks that every filter names a known dimension and values the index holds, and returns the
   * filters as the index spells them: a value matches whatever its case ({@code drug_class=Opioid}),
   * and a drug may be named by a brand ({@code drug=Norco} is hydrocodone/acetaminophen).
   */
  public Filters validate(Filters filters) throws QuerySyntaxException, IOException {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : filters.values().entrySet()) {
      if (e.getKey().equals(CASE_NUMBER)) {
        for (String v : caseNumbers(e.getValue())) {
          if (!CaseNumbers.isCaseNumber(v)) {
            throw new QuerySyntaxException("case_number takes case numbers such as CM15-0000077, got '" + v + "'");
          }
        }
        out.computeIfAbsent(CASE_NUMBER, k -> new java.util.ArrayList<>()).addAll(caseNumbers(e.getValue()));
        continue;
      }
      FacetDimension dim;
      try {
        dim = FacetDimension.of(e.getKey());
      } catch (IllegalArgumentException x) {
        throw new QuerySyntaxException("unknown dimension '" + e.getKey() + "'; dimensions are: " + dimensions());
      }
      List<String> known = new java.util.ArrayList<>(index.values(dim));
      // a dimension with fixed values accepts each of them, also before any letter has it
      dim.fixedValues().stream().filter(v -> !known.contains(v)).forEach(known::add);
      List<String> values = out.computeIfAbsent(dim.dim(), k -> new java.util.ArrayList<>());
      for (String v : e.getValue()) {
        List<String> found = indexed(dim, v, known);
        if (found.isEmpty()) {
          known.sort(VALUE_ORDER);
          throw new QuerySyntaxException("no decision has " + dim.dim() + "=" + v + "; values are: "
              + String.join(", ", known.size() > 40 ? known.subList(0, 40) : known) + (known.size() > 40 ? ", …" : ""));
        }
        found.stream().filter(f -> !values.contains(f)).forEach(values::add);
      }
    }
    return new Filters(out, filters.ranges());
  }

  /** Values in the order a person looks them up: numbers by value, words alphabetically whatever their case. */
  static final java.util.Comparator<String> VALUE_ORDER = (a, b) -> {
    boolean na = a.matches("\\d{1,9}");
    boolean nb = b.matches("\\d{1,9}");
    if (na && nb) {
      return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }
    if (na != nb) {
      return na ? -1 : 1;
    }
    int c = String.CASE_INSENSITIVE_ORDER.compare(a, b);
    return c != 0 ? c : a.compareTo(b);
  };

  /**
   * The indexed values a filter value stands for: itself, else those equal to it ignoring case, else
   * (for a drug) the generic of the brand or alias it names; empty when none.
   */
  private static List<String> indexed(FacetDimension dim, String value, List<String> known) {
    if (known.contains(value)) {
      return List.of(value);
    }
    List<String> found = known.stream().filter(k -> k.equalsIgnoreCase(value)).toList();
    if (found.isEmpty() && dim == FacetDimension.DRUG) {
      // the lexicon maps a brand to the generic the index holds; read on first use (not by every report's start)
      String generic = DrugLexicon.standard().lookup(value).map(DrugEntry::generic).orElse(null);
      if (generic != null && !generic.equalsIgnoreCase(value)) {
        return indexed(dim, generic, known);
      }
    }
    return found;
  }

  /** The dimension names, for messages. */
  public static String dimensions() {
    StringBuilder sb = new StringBuilder();
    for (FacetDimension d : FacetDimension.values()) {
      sb.append(sb.isEmpty() ? "" : ", ").append(d.dim());
    }
    return sb.toString();
  }

  private static Query type(String type) {
    return new TermQuery(new Term(IndexField.TYPE.fieldName(), type));
  }
}
