package dev.customergraph.bench;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * The result page: the table, and a bar chart of requests/s, gateway next to the raw JDBC
 * replay.
 */
final class BenchChart {

	private static final int BAR = 14;

	private static final int WIDTH = 640;

	private static final int LABEL = 90;

	private BenchChart() {
	}

	static String html(String machine, String table, String gc, List<BenchReport.Row> rows) {
		double max = rows.stream()
			.flatMap((row) -> java.util.stream.Stream.of(row.rps(), row.rawRps()))
			.filter(java.util.Objects::nonNull)
			.mapToDouble(Double::doubleValue)
			.max()
			.orElse(1);
		StringBuilder bars = new StringBuilder();
		int y = 0;
		for (BenchReport.Row row : rows) {
			bars.append(text(0, y + BAR, row.shape() + " c=" + row.concurrency()));
			bars.append(bar(y, row.rps(), max, "#3b6fb6", "gateway"));
			bars.append(bar(y + BAR, row.rawRps(), max, "#b0b0b0", "raw JDBC"));
			y += 2 * BAR + 8;
		}
		return """
				<!DOCTYPE html>
				<html><head><meta charset="utf-8"><title>Customer Graph benchmark</title>
				<style>body{font-family:sans-serif;margin:2em} pre{background:#f4f4f4;padding:1em}</style></head>
				<body><h1>Customer Graph benchmark</h1>
				<pre>%s</pre>
				<h2>Requests per second (median of runs): gateway (blue) and raw JDBC replay (grey)</h2>
				<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-size="12">%s</svg>
				<pre>%s</pre>
				<pre>%s</pre>
				</body></html>
				""".formatted(HtmlUtils.htmlEscape(machine), LABEL + WIDTH + 80, y, bars, HtmlUtils.htmlEscape(table),
				HtmlUtils.htmlEscape(gc));
	}

	private static String bar(int y, Double value, double max, String colour, String what) {
		if (value == null) {
			return "";
		}
		int width = (int) Math.max(1, value / max * WIDTH);
		return "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>"
			.formatted(LABEL, y, width, BAR - 2, colour, what)
				+ text(LABEL + width + 4, y + BAR - 3, String.format("%.0f", value));
	}

	private static String text(int x, int y, String text) {
		return "<text x=\"%d\" y=\"%d\">%s</text>".formatted(x, y, HtmlUtils.htmlEscape(text));
	}

}
