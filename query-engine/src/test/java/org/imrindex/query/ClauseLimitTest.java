package org.imrindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.imrindex.analysis.AnalysisChain;
import org.imrindex.index.IngestListener;
import org.imrindex.index.IngestRequest;
import org.imrindex.index.IngestSummary;
import org.imrindex.index.Ingester;
import org.imrindex.parse.IsolatedParser;
import org.imrindex.schema.FacetDimension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lucene's clause limit is JVM-wide: the engine raises it where it opens an index for searching,
 * not as a side effect of loading a class, and a drug-class query (which expands to more clauses
 * than Lucene's default of 1,024) still runs.
 */
class ClauseLimitTest {

  /** Lucene's own default. */
  private static final int LUCENE_DEFAULT = 1024;

  @TempDir
  static Path tmp;

  private static Path index;

  /** Four drug classes: together over a thousand clauses. */
  private static final String CLASSES = "opioid OR NSAID OR benzodiazepine OR anticonvulsant";

  private final int before = IndexSearcher.getMaxClauseCount();

  @BeforeAll
  static void indexTheBundledLetters() throws IOException {
    Path letters = Path.of("..", "corpus-samples", "letters").toAbsolutePath().normalize();
    index = tmp.resolve("index");
    IngestSummary s = new Ingester(new IngestRequest(index, List.of(letters), 2, 100_000, Duration.ofMinutes(10),
        IsolatedParser.Options.defaults(), AnalysisChain.MEDICAL), IngestListener.NONE).run();
    assertEquals(List.of(), s.rejected());
  }

  @AfterEach
  void restoreTheLimit() {
    IndexSearcher.setMaxClauseCount(before);
  }

  @Test
  void loadingTheQueryParserLeavesTheClauseLimitAlone() throws Exception {
    IndexSearcher.setMaxClauseCount(LUCENE_DEFAULT);
    // a fresh copy of the class, so its static initializer runs now whatever other tests loaded
    FreshLoader loader = new FreshLoader();
    Class<?> c = Class.forName(UserQueryParser.class.getName(), true, loader);
    assertEquals(loader, c.getClassLoader());
    assertEquals(LUCENE_DEFAULT, IndexSearcher.getMaxClauseCount());
  }

  @Test
  void drugClassQueriesNeedMoreClausesThanLucenesDefaultAndStillRun() throws Exception {
    Class.forName(UserQueryParser.class.getName()); // whatever its loading did is undone next
    IndexSearcher.setMaxClauseCount(LUCENE_DEFAULT);
    try (QueryIndex qi = QueryIndex.open(index)) {
      // each class expands to its products' spellings in the three fields of a bare word: opioid alone is ~470 clauses
      Query q = new QueryBuilder(qi).decisions(CLASSES, false, Filters.none());
      assertTrue(leaves(q) > LUCENE_DEFAULT, "clauses: " + leaves(q));
      SearchResult r = new Searcher(qi).search(new SearchRequest(CLASSES, false, Filters.none(),
          List.of(FacetDimension.DRUG_CLASS), Level.DECISION, 10, 0, SearchSort.RELEVANCE));
      List<String> classes = r.facets().get("drug_class").stream().map(SearchResult.FacetCount::value).toList();
      assertTrue(classes.containsAll(List.of("opioid", "benzodiazepine", "nsaid")), classes.toString());
    }
  }

  private static int leaves(Query q) {
    int[] n = new int[1];
    q.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query query) {
        n[0]++;
      }

      @Override
      public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
        n[0]++;
      }
    });
    return n[0];
  }

  /** Defines the engine's own classes anew (child first); everything else comes from the test's loader. */
  private static final class FreshLoader extends ClassLoader {
    FreshLoader() {
      super(ClauseLimitTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.imrindex.query.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
