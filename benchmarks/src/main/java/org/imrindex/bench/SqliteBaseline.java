package org.imrindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.imrindex.schema.FacetDimension;
import org.imrindex.model.Decision;
import org.imrindex.parse.TextExtractor;

/**
 * What a researcher would build instead: SQLite with an FTS5 table of the letter texts (tokenizer
 * {@code porter unicode61}) and a table of decisions with the same structured fields, loaded in one
 * transaction, and the SQL that answers the same questions as imr.
 */
final class SqliteBaseline implements AutoCloseable {

  /** Single-valued facet columns of the decisions table, plus multi-valued ones joined by '|'. */
  static final List<FacetDimension> COLUMNS = List.of(FacetDimension.values());

  private final Connection db;

  SqliteBaseline(Path file) throws SQLException, IOException {
    Files.deleteIfExists(file);
    db = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=OFF");
      s.execute("PRAGMA synchronous=OFF");
    }
  }

  /** Loads the texts (the files as read) into FTS5, in one transaction. Returns seconds. */
  double loadTexts(List<Path> files) throws SQLException, IOException {
    long t0 = System.nanoTime();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.execute("CREATE VIRTUAL TABLE letters USING fts5(path UNINDEXED, text, tokenize='porter unicode61')");
    }
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO letters(rowid, path, text) VALUES (?, ?, ?)")) {
      for (int i = 0; i < files.size(); i++) {
        insert.setInt(1, i + 1);
        insert.setString(2, files.get(i).toString());
        insert.setString(3, TextExtractor.decode(Files.readAllBytes(files.get(i))));
        insert.executeUpdate();
      }
    }
    db.commit();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Rows of the letters table: one per file loaded. */
  int letterRows() throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM letters")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Loads one row per decision with every facet dimension as a column, in one transaction, from the
   * records imr parsed (streamed from the index; parsing is not counted). Returns seconds.
   */
  double loadDecisions(List<Path> files, org.imrindex.query.QueryIndex index) throws SQLException, IOException {
    long t0 = System.nanoTime();
    StringBuilder cols = new StringBuilder("letter INTEGER, decision_no INTEGER, item TEXT, rationale TEXT");
    StringBuilder marks = new StringBuilder("?, ?, ?, ?");
    for (FacetDimension d : COLUMNS) {
      cols.append(", ").append(d.dim()).append(" TEXT");
      marks.append(", ?");
    }
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE decisions(" + cols + ")");
    }
    java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      rowOf.put(files.get(i).toString(), i + 1);
    }
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO decisions VALUES (" + marks + ")")) {
      new org.imrindex.query.Exporter(index).walk(
          new org.imrindex.query.QueryBuilder(index).decisions(null, false, org.imrindex.query.Filters.none()),
          (doc, letterId, l, no) -> {
            try {
              Decision d = l.decisions().get(no);
              insert.setObject(1, rowOf.get(l.source().path()));
              insert.setInt(2, no);
              insert.setString(3, d.item());
              insert.setString(4, d.rationale());
              int c = 5;
              for (FacetDimension dim : COLUMNS) {
                List<String> v = dim.values(l, d);
                insert.setString(c++, v.isEmpty() ? null : String.join("|", v));
              }
              insert.executeUpdate();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (org.imrindex.query.QuerySyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Statement s = db.createStatement()) {
      s.execute("CREATE INDEX decisions_letter ON decisions(letter)");
    }
    db.commit();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Top 10 letters for an FTS5 query, with a snippet each, and the number of matching letters. */
  int search(String match) throws SQLException {
    int n = 0;
    try (PreparedStatement top = db.prepareStatement(
        "SELECT rowid, snippet(letters, 1, '[', ']', '…', 12) FROM letters WHERE letters MATCH ? ORDER BY rank LIMIT 10")) {
      top.setString(1, match);
      try (ResultSet rs = top.executeQuery()) {
        while (rs.next()) {
          n += rs.getString(2).length() > 0 ? 1 : 0;
        }
      }
    }
    return n + count("SELECT count(*) FROM letters WHERE letters MATCH ?", match);
  }

  /** Decisions of letters matching {@code match} and of drug class {@code drugClass}: top 10 and three facet counts. */
  int filteredSearchWithFacets(String match, String drugClass) throws SQLException {
    String from = " FROM decisions d JOIN letters ON letters.rowid = d.letter WHERE letters MATCH ? AND d.drug_class = ?";
    int n = rows("SELECT d.letter, d.decision_no, d.item, snippet(letters, 1, '[', ']', '…', 12)" + from + " ORDER BY rank LIMIT 10", match, drugClass);
    for (String dim : List.of("outcome", "specialty", "decision_year")) {
      n += rows("SELECT d." + dim + ", count(*)" + from + " GROUP BY d." + dim, match, drugClass);
    }
    return n;
  }

  /** Decisions and uphold counts grouped by the given columns (report --by …). */
  int report(String... columns) throws SQLException {
    String by = String.join(", ", columns);
    return rows("SELECT " + by + ", count(*), sum(outcome = 'upheld') FROM decisions GROUP BY " + by);
  }

  // ---- the answers themselves, for checking that both systems agree (not timed) ----

  /** Letters matching an FTS5 query. */
  int letters(String match) throws SQLException {
    return count("SELECT count(*) FROM letters WHERE letters MATCH ?", match);
  }

  /**
   * Decisions of drug class {@code drugClass} in letters matching {@code match}, counted by the
   * column {@code dim} (its NULLs left out), or in all when {@code dim} is null (key "").
   */
  java.util.Map<String, Long> matchingDecisionsBy(String dim, String match, String drugClass) throws SQLException {
    String key = dim == null ? "''" : "d." + dim;
    return groups("SELECT " + key + ", count(*) FROM decisions d JOIN letters ON letters.rowid = d.letter"
        + " WHERE letters MATCH ? AND d.drug_class = ?" + (dim == null ? "" : " AND d." + dim + " IS NOT NULL") + " GROUP BY 1",
        match, drugClass);
  }

  /** As {@link #matchingDecisionsBy}, for the decisions of the letters with these row ids instead of a match. */
  java.util.Map<String, Long> decisionsOfLettersBy(String dim, java.util.Collection<Integer> letterRows, String drugClass)
      throws SQLException {
    if (letterRows.isEmpty()) {
      return java.util.Map.of();
    }
    String key = dim == null ? "''" : dim;
    StringBuilder in = new StringBuilder();
    for (int row : letterRows) {
      in.append(in.isEmpty() ? "" : ",").append(row);
    }
    return groups("SELECT " + key + ", count(*) FROM decisions WHERE drug_class = ? AND letter IN (" + in + ")"
        + (dim == null ? "" : " AND " + dim + " IS NOT NULL") + " GROUP BY 1", drugClass);
  }

  /** The decisions grouped by the given columns (rows with a NULL left out): key values joined by '|', [decisions, upheld]. */
  java.util.Map<String, java.util.List<Long>> reportCounts(String... columns) throws SQLException {
    String by = String.join(", ", columns);
    String where = String.join(" IS NOT NULL AND ", columns) + " IS NOT NULL";
    java.util.Map<String, java.util.List<Long>> out = new java.util.TreeMap<>();
    try (PreparedStatement p = db.prepareStatement(
        "SELECT " + by + ", count(*), sum(outcome = 'upheld') FROM decisions WHERE " + where + " GROUP BY " + by);
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        StringBuilder key = new StringBuilder();
        for (int i = 1; i <= columns.length; i++) {
          key.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.put(key.toString(), java.util.List.of(rs.getLong(columns.length + 1), rs.getLong(columns.length + 2)));
      }
    }
    return out;
  }

  private java.util.Map<String, Long> groups(String sql, String... args) throws SQLException {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    try (PreparedStatement p = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setString(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  private int count(String sql, String arg) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      p.setString(1, arg);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private int rows(String sql, String... args) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setString(i + 1, args[i]);
      }
      int n = 0;
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      return n;
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
