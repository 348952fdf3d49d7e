package org.imrindex.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrindex.query.Report;
import org.imrindex.schema.FacetDimension;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * Charts of {@link ChartData} drawn by JFreeChart: horizontal bars of the uphold rate with Wilson
 * whiskers (categories), a line with an interval band over count bars (time), a heat table (two
 * dimensions). SVG through JFreeSVG keeps text as text; in SVG every mark is a {@code <g class='mark'>}
 * with its group's numbers as data attributes ({@code data-value}, {@code data-n}, {@code data-rate},
 * {@code data-low}, {@code data-high}, {@code data-small}).
 */
public final class Charts {

  /** Okabe–Ito blue: bars and the line. */
  public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  /** Okabe–Ito sky blue: the interval band. */
  public static final Color SKY = new Color(0x56, 0xB4, 0xE9);
  /** Okabe–Ito vermilion: the overall rate. */
  public static final Color VERMILION = new Color(0xD5, 0x5E, 0x00);
  /** Groups below min-n. */
  public static final Color GREY = new Color(0xBB, 0xBB, 0xBB);
  /** Text and whiskers. */
  public static final Color INK = new Color(0x22, 0x22, 0x22);

  /** At most this many bars (the largest groups); the table lists them all. */
  public static final int MAX_BARS = 40;
  /** At most this many rows and columns of a heat table (the largest values). */
  public static final int MAX_HEAT_ROWS = 30;
  /** At most this many columns of a heat table. */
  public static final int MAX_HEAT_COLUMNS = 12;

  private static final String FAMILY = Font.SANS_SERIF;
  private static final Font TITLE = new Font(FAMILY, Font.BOLD, 20);
  private static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 14);
  private static final Font LABEL = new Font(FAMILY, Font.PLAIN, 15);
  private static final Font TICK = new Font(FAMILY, Font.PLAIN, 14);
  private static final Font COUNT = new Font(FAMILY, Font.BOLD, 13);

  /** Width and height in pixels (CSS pixels in SVG; a PNG is drawn at twice that). */
  public record Size(int width, int height) {}

  private Charts() {}

  /** The chart's size: wide enough for long labels, tall enough for one bar or row per group. */
  public static Size size(ChartData d) {
    return switch (d.kind()) {
      case CATEGORICAL -> {
        List<ChartData.Point> bars = bars(d);
        // a label longer than the label column wraps to two lines: the bars stand further apart
        int perBar = bars.stream().anyMatch(p -> p.label().length() > 36) ? 40 : 30;
        yield new Size(1000, 170 + perBar * Math.max(3, bars.size()));
      }
      case TIME -> new Size(1000, 620);
      case TWO_DIMENSIONS -> {
        Heat h = heat(d);
        int longest = h.columns().stream().mapToInt(String::length).max().orElse(0);
        // column names longer than 12 characters stand vertical: their length adds to the height
        yield new Size(1100, 230 + 42 * Math.max(3, h.rows().size()) + (longest > 12 ? 9 * longest : 0));
      }
    };
  }

  /** The chart as an {@code <svg>} element (for inline HTML); {@code id} names it and prefixes its definitions. */
  public static String svgElement(ChartData d, String id) {
    Size s = size(d);
    SVGGraphics2D g = draw(d, id, s);
    return g.getSVGElement(id, true, new ViewBox(0, 0, s.width(), s.height()), null, null);
  }

  /** The chart as a standalone SVG document. */
  public static String svgDocument(ChartData d) {
    Size s = size(d);
    SVGGraphics2D g = draw(d, "chart", s);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement("chart", true, new ViewBox(0, 0, s.width(), s.height()), null, null) + "\n";
  }

  /** The chart as a PNG at twice its size (for print). */
  public static byte[] png(ChartData d) throws IOException {
    Size s = size(d);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartUtils.writeScaledChartAsPNG(out, chart(d), s.width(), s.height(), 2, 2);
    return out.toByteArray();
  }

  private static SVGGraphics2D draw(ChartData d, String id, Size s) {
    SVGGraphics2D g = new SVGGraphics2D(s.width(), s.height());
    g.setDefsKeyPrefix(id + "_");
    chart(d).draw(g, new Rectangle(0, 0, s.width(), s.height()));
    return g;
  }

  /** The JFreeChart of the data. */
  public static JFreeChart chart(ChartData d) {
    JFreeChart c = switch (d.kind()) {
      case CATEGORICAL -> bars(d, bars(d));
      case TIME -> time(d);
      case TWO_DIMENSIONS -> heatTable(d);
    };
    c.setBackgroundPaint(Color.WHITE);
    c.setPadding(new RectangleInsets(8, 8, 8, 16));
    return c;
  }

  /** A number as the JSON report writes it: four decimals. */
  public static String decimal(double v) {
    return String.valueOf(Math.round(v * 10_000) / 10_000.0);
  }

  /** A rate as a percentage with one decimal. */
  public static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** A count with thousands separators (Locale.ROOT). */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The data attributes of a point's mark. */
  static Map<String, String> attributes(ChartData.Point p) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("class", "mark");
    a.put("data-value", p.label());
    a.put("data-n", Long.toString(p.n()));
    a.put("data-upheld", Long.toString(p.upheld()));
    a.put("data-rate", decimal(p.rate()));
    a.put("data-low", decimal(p.low()));
    a.put("data-high", decimal(p.high()));
    a.put("data-small", Boolean.toString(p.small()));
    return a;
  }

  private static void begin(Graphics2D g2, ChartData.Point p) {
    if (g2 instanceof SVGGraphics2D) {
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, attributes(p));
    }
  }

  private static void end(Graphics2D g2) {
    if (g2 instanceof SVGGraphics2D) {
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, "mark");
    }
  }

  private static String dims(ChartData d) {
    return String.join(" × ", d.request().by().stream().map(FacetDimension::dim).toList());
  }

  /** The line under the title: what was counted, the overall rate, the question, what is grey. */
  private static String subtitle(ChartData d, String extra) {
    Report.Row t = d.total();
    StringBuilder sb = new StringBuilder();
    sb.append(count(t.n())).append(' ').append(d.unit()).append(", overall ").append(percent(t.upholdRate())).append(" upheld");
    if (d.kind() != ChartData.Kind.CATEGORICAL) {
      sb.append(d.kind() == ChartData.Kind.TIME ? " (dashed line)" : "");
    }
    if (d.request().query() != null) {
      sb.append(" · query: ").append(d.request().query());
    }
    if (!d.request().filters().values().isEmpty() || !d.request().filters().ranges().isEmpty()) {
      sb.append(" · filtered");
    }
    if (d.request().minN() > 1) {
      sb.append(" · grey: fewer than ").append(count(d.request().minN())).append(' ').append(d.unit());
    }
    if (!extra.isEmpty()) {
      sb.append(" · ").append(extra);
    }
    return sb.toString();
  }

  private static JFreeChart titled(String title, org.jfree.chart.plot.Plot plot, String subtitle) {
    JFreeChart c = new JFreeChart(title, TITLE, plot, false);
    TextTitle sub = new TextTitle(subtitle, SUBTITLE);
    sub.setPaint(INK);
    sub.setPadding(new RectangleInsets(2, 0, 8, 0));
    c.addSubtitle(sub);
    return c;
  }

  private static void style(ValueAxis axis) {
    if (axis instanceof NumberAxis n && !(axis instanceof SymbolAxis)) {
      // tick numbers in Locale.ROOT: a German or Thai-digit default locale must not change the picture
      n.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(Locale.ROOT));
    }
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    axis.setLabelPaint(INK);
    axis.setTickLabelPaint(INK);
  }

  // ---- categories: horizontal bars, sorted by rate, with whiskers, counts and the overall rate ----

  /** The bars drawn: the {@link #MAX_BARS} largest groups, highest rate first, "(none)" last. */
  static List<ChartData.Point> bars(ChartData d) {
    List<ChartData.Point> largest = d.points().stream()
        .sorted(Comparator.comparingLong(ChartData.Point::n).reversed()).limit(MAX_BARS).toList();
    return largest.stream().sorted(Comparator.comparing((ChartData.Point p) -> p.keys().contains(null))
        .thenComparing(Comparator.comparingDouble(ChartData.Point::rate).reversed())
        .thenComparing(Comparator.comparingLong(ChartData.Point::n).reversed())
        .thenComparing(ChartData.Point::label)).toList();
  }

  private static JFreeChart bars(ChartData d, List<ChartData.Point> points) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (ChartData.Point p : points) {
      ds.addValue(100 * p.rate(), "uphold rate", p.label());
    }
    CategoryAxis categories = new CategoryAxis(dims(d));
    categories.setLabelFont(LABEL);
    categories.setTickLabelFont(TICK);
    categories.setTickLabelPaint(INK);
    categories.setMaximumCategoryLabelWidthRatio(0.35f);
    categories.setMaximumCategoryLabelLines(2);
    categories.setCategoryMargin(0.25);
    categories.setLowerMargin(Math.max(0.02, 0.6 / Math.max(1, points.size()))); // room above the first bar for the overall rate's label
    categories.setUpperMargin(0.02);
    NumberAxis rate = new NumberAxis("uphold rate (%), whiskers: 95% Wilson interval");
    rate.setRange(0, 100);
    rate.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
    style(rate);
    WhiskerBars renderer = new WhiskerBars(points);
    CategoryPlot plot = new CategoryPlot(ds, categories, rate, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    grid(plot);
    plot.addRangeMarker(overall(d, true), org.jfree.chart.ui.Layer.FOREGROUND);
    String extra = points.size() < d.points().size()
        ? "the " + points.size() + " largest of " + count(d.points().size()) + " groups" : "";
    return titled("Uphold rate by " + dims(d), plot, subtitle(d, extra));
  }

  private static ValueMarker overall(ChartData d, boolean labelled) {
    ValueMarker m = new ValueMarker(100 * d.total().upholdRate(), VERMILION,
        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    if (!labelled) {
      return m;
    }
    m.setLabel("all " + percent(d.total().upholdRate()));
    m.setLabelFont(COUNT);
    m.setLabelPaint(VERMILION);
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 230));
    m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
    return m;
  }

  private static void grid(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    plot.setInsets(new RectangleInsets(14, 4, 4, 24));
  }

  /** Bars of the rate, grey when small, with the interval as a whisker and the count on the bar. */
  private static final class WhiskerBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient List<ChartData.Point> points;

    WhiskerBars(List<ChartData.Point> points) {
      this.points = points;
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(false);
      setMaximumBarWidth(0.08);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      return points.get(column).small() ? GREY : BLUE;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
        CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
      ChartData.Point p = points.get(column);
      begin(g2, p);
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      RectangleEdge edge = plot.getRangeAxisEdge();
      double y = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
      double x0 = rangeAxis.valueToJava2D(0, dataArea, edge);
      double xr = rangeAxis.valueToJava2D(100 * p.rate(), dataArea, edge);
      double lo = rangeAxis.valueToJava2D(100 * p.low(), dataArea, edge);
      double hi = rangeAxis.valueToJava2D(100 * p.high(), dataArea, edge);
      double cap = Math.max(4, state.getBarWidth() * 0.35);
      g2.setPaint(INK);
      g2.setStroke(new BasicStroke(1.8f));
      g2.draw(new Line2D.Double(lo, y, hi, y));
      g2.draw(new Line2D.Double(lo, y - cap, lo, y + cap));
      g2.draw(new Line2D.Double(hi, y - cap, hi, y + cap));
      // the count inside the bar at its base when it fits (white on blue, ink on grey), else past the whisker
      g2.setFont(COUNT);
      FontMetrics fm = g2.getFontMetrics();
      String label = "n=" + count(p.n());
      int w = fm.stringWidth(label);
      float ty = (float) (y + fm.getAscent() / 2.0 - 1);
      if (Math.min(xr, lo) - x0 > w + 12) {
        g2.setPaint(p.small() ? INK : Color.WHITE);
        g2.drawString(label, (float) (x0 + 6), ty);
      } else {
        g2.setPaint(INK);
        g2.drawString(label, (float) (hi + 6), ty);
      }
      end(g2);
    }
  }

  // ---- time: the rate as a line with its interval as a band; the counts as bars below ----

  /**
   * The ordinal of a time value, so that periods stand equally apart and a missing one leaves a gap:
   * 2016-12 counts months, 2016-Q4 quarters, 2016 years; null if unreadable.
   */
  static Integer ordinal(String value) {
    if (value == null) {
      return null;
    }
    if (value.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      return Integer.parseInt(value.substring(0, 4)) * 12 + Integer.parseInt(value.substring(5)) - 1;
    }
    if (value.matches("\\d{4}-Q[1-4]")) {
      return Integer.parseInt(value.substring(0, 4)) * 4 + Integer.parseInt(value.substring(6)) - 1;
    }
    if (value.matches("\\d{4}")) {
      return Integer.parseInt(value);
    }
    return null;
  }

  /** The points drawn on a time chart: those whose value is a period. */
  static List<ChartData.Point> periods(ChartData d) {
    return d.points().stream().filter(p -> ordinal(p.keys().get(0)) != null).toList();
  }

  private static JFreeChart time(ChartData d) {
    FacetDimension dim = d.request().by().get(0);
    List<ChartData.Point> points = periods(d);
    YIntervalSeries rates = new YIntervalSeries("uphold rate");
    org.jfree.data.xy.XYIntervalSeries counts = new org.jfree.data.xy.XYIntervalSeries(d.unit());
    for (ChartData.Point p : points) {
      int x = ordinal(p.keys().get(0));
      rates.add(x, 100 * p.rate(), 100 * p.low(), 100 * p.high());
      counts.add(x, x - 0.42, x + 0.42, p.n(), p.n(), p.n());
    }
    YIntervalSeriesCollection rateData = new YIntervalSeriesCollection();
    rateData.addSeries(rates);
    DeviationRenderer line = new DeviationRenderer(true, true);
    line.setSeriesPaint(0, BLUE);
    line.setSeriesFillPaint(0, SKY);
    line.setAlpha(0.35f);
    line.setSeriesStroke(0, new BasicStroke(2.5f));
    line.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
    NumberAxis rateAxis = new NumberAxis("uphold rate (%), band: 95% Wilson");
    rateAxis.setRange(0, 100);
    style(rateAxis);
    XYPlot top = new XYPlot(rateData, null, rateAxis, line);
    top.addRangeMarker(overall(d, false), org.jfree.chart.ui.Layer.FOREGROUND);
    xyGrid(top);

    org.jfree.data.xy.XYIntervalSeriesCollection countData = new org.jfree.data.xy.XYIntervalSeriesCollection();
    countData.addSeries(counts);
    NumberAxis countAxis = new NumberAxis(d.unit());
    style(countAxis);
    countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    XYPlot bottom = new XYPlot(countData, null, countAxis, new CountBars(points));
    xyGrid(bottom);

    NumberAxis periods = new NumberAxis(dim.dim());
    style(periods);
    periods.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    periods.setNumberFormatOverride(new PeriodFormat(dim));
    periods.setAutoRangeIncludesZero(false);
    if (!points.isEmpty()) {
      periods.setRange(ordinal(points.get(0).keys().get(0)) - 0.6, ordinal(points.get(points.size() - 1).keys().get(0)) + 0.6);
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(periods);
    plot.setGap(14);
    plot.add(top, 3);
    plot.add(bottom, 1);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    long undated = d.points().size() - points.size();
    String extra = undated == 0 ? "" : undated + " group without a period not drawn";
    return titled("Uphold rate by " + dims(d), plot, subtitle(d, extra));
  }

  /** An ordinal as the period value it stands for (2016-12, 2016-Q4, 2016). */
  static final class PeriodFormat extends java.text.NumberFormat {
    private static final long serialVersionUID = 1L;
    private final FacetDimension dim;

    PeriodFormat(FacetDimension dim) {
      this.dim = dim;
    }

    @Override
    public StringBuffer format(double number, StringBuffer sb, java.text.FieldPosition pos) {
      return format(Math.round(number), sb, pos); // the ticks are whole; the axis also sizes labels by its range's ends
    }

    @Override
    public StringBuffer format(long n, StringBuffer sb, java.text.FieldPosition pos) {
      return sb.append(switch (dim) {
        case DECISION_MONTH -> String.format(Locale.ROOT, "%d-%02d", Math.floorDiv(n, 12), Math.floorMod(n, 12) + 1);
        case DECISION_QUARTER -> String.format(Locale.ROOT, "%d-Q%d", Math.floorDiv(n, 4), Math.floorMod(n, 4) + 1);
        default -> Long.toString(n);
      });
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      return null; // labels only
    }
  }

  private static void xyGrid(XYPlot p) {
    p.setBackgroundPaint(Color.WHITE);
    p.setOutlineVisible(false);
    p.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    p.setDomainGridlinePaint(new Color(0xEE, 0xEE, 0xEE));
    p.setRangeGridlineStroke(new BasicStroke(1f));
    p.setDomainGridlineStroke(new BasicStroke(1f));
  }

  /** The count bars of a time chart, grey when small; each is the mark of its period. */
  private static final class CountBars extends XYBarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient List<ChartData.Point> points;

    CountBars(List<ChartData.Point> points) {
      this.points = points;
      setBarPainter(new StandardXYBarPainter());
      setShadowVisible(false);
      setMargin(0.15);
    }

    @Override
    public Paint getItemPaint(int series, int item) {
      return points.get(item).small() ? GREY : BLUE;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
        ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
      begin(g2, points.get(item));
      super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
      end(g2);
    }
  }

  // ---- two dimensions: a heat table ----

  /** The rows (first dimension), columns (second) and cells of a heat table. */
  record Heat(List<String> rows, List<String> columns, Map<List<String>, ChartData.Point> cells) {}

  /** The largest values of each dimension (by their groups' counts), each in name order, "(none)" last. */
  static Heat heat(ChartData d) {
    Map<String, Long> rowN = new LinkedHashMap<>();
    Map<String, Long> colN = new LinkedHashMap<>();
    Map<List<String>, ChartData.Point> cells = new LinkedHashMap<>();
    for (ChartData.Point p : d.points()) {
      String r = label(p.keys().get(0));
      String c = label(p.keys().get(1));
      rowN.merge(r, p.n(), Long::sum);
      colN.merge(c, p.n(), Long::sum);
      cells.put(List.of(r, c), p);
    }
    return new Heat(top(rowN, MAX_HEAT_ROWS), top(colN, MAX_HEAT_COLUMNS), cells);
  }

  private static String label(String key) {
    return key == null ? ChartData.NONE : key;
  }

  private static List<String> top(Map<String, Long> n, int max) {
    List<String> largest = n.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(max)
        .map(Map.Entry::getKey).toList();
    List<String> sorted = new ArrayList<>(largest);
    sorted.sort(Comparator.comparing((String s) -> s.equals(ChartData.NONE)).thenComparing(Comparator.naturalOrder()));
    return sorted;
  }

  /** A sequential colour-blind-safe scale (viridis) from 0% to 100%. */
  static final class Viridis implements PaintScale, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int[] STOPS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 100;
    }

    @Override
    public Paint getPaint(double value) {
      double v = Math.max(0, Math.min(100, value)) / 100 * (STOPS.length - 1);
      int i = Math.min(STOPS.length - 2, (int) Math.floor(v));
      double f = v - i;
      Color a = new Color(STOPS[i]);
      Color b = new Color(STOPS[i + 1]);
      return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
          (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())), (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
  }

  private static JFreeChart heatTable(ChartData d) {
    Heat h = heat(d);
    List<double[]> xyz = new ArrayList<>();
    List<ChartData.Point> drawn = new ArrayList<>();
    for (int r = 0; r < h.rows().size(); r++) {
      for (int c = 0; c < h.columns().size(); c++) {
        ChartData.Point p = h.cells().get(List.of(h.rows().get(r), h.columns().get(c)));
        if (p != null) {
          xyz.add(new double[] {c, r, 100 * p.rate()});
          drawn.add(p);
        }
      }
    }
    double[][] series = new double[3][xyz.size()];
    for (int i = 0; i < xyz.size(); i++) {
      for (int k = 0; k < 3; k++) {
        series[k][i] = xyz.get(i)[k];
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("uphold rate", series);
    List<FacetDimension> by = d.request().by();
    SymbolAxis columns = new SymbolAxis(by.get(1).dim(), h.columns().toArray(String[]::new));
    style(columns);
    columns.setGridBandsVisible(false);
    columns.setVerticalTickLabels(h.columns().stream().anyMatch(s -> s.length() > 12));
    SymbolAxis rows = new SymbolAxis(by.get(0).dim(), h.rows().toArray(String[]::new));
    style(rows);
    rows.setGridBandsVisible(false);
    rows.setInverted(true);
    Viridis scale = new Viridis();
    Cells renderer = new Cells(drawn, scale);
    XYPlot plot = new XYPlot(ds, columns, rows, renderer);
    plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setOutlineVisible(false);
    String extra = h.rows().size() * h.columns().size() < d.points().size() ? "the largest values of each dimension" : "";
    JFreeChart c = titled("Uphold rate by " + dims(d), plot, subtitle(d, extra));
    NumberAxis legendAxis = new NumberAxis("uphold rate (%)");
    legendAxis.setRange(0, 100);
    style(legendAxis);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setMargin(new RectangleInsets(10, 200, 4, 200));
    legend.setStripWidth(14);
    c.addSubtitle(legend);
    return c;
  }

  /** Heat-table cells coloured by rate (grey when small), each with its rate and count as text; each is a mark. */
  private static final class Cells extends XYBlockRenderer {
    private static final long serialVersionUID = 1L;
    private final transient List<ChartData.Point> points;

    Cells(List<ChartData.Point> points, PaintScale scale) {
      this.points = points;
      setPaintScale(scale);
      setBlockWidth(0.96);
      setBlockHeight(0.92);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
        ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
      ChartData.Point p = points.get(item);
      begin(g2, p);
      double x = dataset.getXValue(series, item);
      double y = dataset.getYValue(series, item);
      double x0 = domainAxis.valueToJava2D(x - 0.48, dataArea, plot.getDomainAxisEdge());
      double x1 = domainAxis.valueToJava2D(x + 0.48, dataArea, plot.getDomainAxisEdge());
      double y0 = rangeAxis.valueToJava2D(y - 0.46, dataArea, plot.getRangeAxisEdge());
      double y1 = rangeAxis.valueToJava2D(y + 0.46, dataArea, plot.getRangeAxisEdge());
      Rectangle2D cell = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      Color fill = p.small() ? new Color(0xEE, 0xEE, 0xEE) : (Color) getPaintScale().getPaint(100 * p.rate());
      g2.setPaint(fill);
      g2.fill(cell);
      g2.setFont(COUNT);
      FontMetrics fm = g2.getFontMetrics();
      String text = percent(p.rate()) + "  n=" + count(p.n());
      if (fm.stringWidth(text) > cell.getWidth() - 4) {
        text = Math.round(100 * p.rate()) + "% " + count(p.n());
      }
      boolean dark = (fill.getRed() * 299 + fill.getGreen() * 587 + fill.getBlue() * 114) / 1000 < 140;
      g2.setPaint(dark ? Color.WHITE : INK);
      g2.drawString(text, (float) (cell.getCenterX() - fm.stringWidth(text) / 2.0), (float) (cell.getCenterY() + fm.getAscent() / 2.0 - 2));
      end(g2);
    }
  }
}
