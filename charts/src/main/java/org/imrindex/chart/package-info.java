/**
 * Charts of reports: {@link org.imrindex.chart.ChartData} from a query-engine report, SVG and PNG
 * through JFreeChart and JFreeSVG, and self-contained HTML pages with the question, the table and the chart.
 */
package org.imrindex.chart;
