package dev.customergraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the measurements of a harness run ({@code runs.jsonl}) into the result table: per
 * shape and concurrency the medians over runs of requests/s, p50 and p99, the errors of
 * all runs, the SQL statements per request, and gateway/raw (the gateway's throughput
 * over the JDBC replay's). Prints it and writes {@code results.txt}, {@code .csv},
 * {@code .json} and {@code .html} next to {@code runs.jsonl}, with the machine and the
 * gateway's GC pauses.
 *
 * <pre>
 * BenchReport DIR SHAPES   (DIR holds runs.jsonl, machine.txt and optionally gc.log; SHAPES e.g. Q1,Q2)
 * </pre>
 */
public final class BenchReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		List<Measurement> measurements = Files.readAllLines(dir.resolve("runs.jsonl"))
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> JSON.readValue(line, Measurement.class))
			.toList();
		List<Row> rows = rows(measurements, List.of(args[1].split(",")));
		String machine = Files.readString(dir.resolve("machine.txt")).strip();
		GcPauses gc = GcPauses.read(dir.resolve("gc.log"));
		String table = table(rows);
		String text = machine + "\n\n" + table + "\n" + gc;
		System.out.println(text);
		Files.writeString(dir.resolve("results.txt"), text + "\n");
		Files.writeString(dir.resolve("results.csv"), csv(rows));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("machine", machine);
		json.put("rows", rows);
		json.put("gc", gc);
		Files.writeString(dir.resolve("results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
		Files.writeString(dir.resolve("results.html"), BenchChart.html(machine, table, gc.toString(), rows));
	}

	static List<Row> rows(List<Measurement> measurements, List<String> shapes) {
		Map<String, List<Measurement>> groups = measurements.stream()
			.collect(Collectors.groupingBy((m) -> m.kind() + " " + m.shape() + " " + m.concurrency()));
		List<Integer> levels = measurements.stream().map(Measurement::concurrency).distinct().sorted().toList();
		List<Row> rows = new ArrayList<>();
		for (int concurrency : levels) {
			for (String shape : shapes) {
				List<Measurement> gateway = groups.getOrDefault("gateway " + shape + " " + concurrency, List.of());
				List<Measurement> raw = groups.getOrDefault("raw " + shape + " " + concurrency, List.of());
				rows.add(new Row(shape, concurrency, gateway.size(), median(gateway, Measurement::rps),
						median(gateway, Measurement::p50Ms), median(gateway, Measurement::p99Ms),
						gateway.stream().mapToLong(Measurement::errors).sum(),
						median(gateway, Measurement::statementsPerRequest), median(raw, Measurement::rps),
						median(raw, Measurement::p50Ms), raw.stream().mapToLong(Measurement::errors).sum()));
			}
		}
		return rows;
	}

	private static Double median(List<Measurement> runs, ToDoubleFunction<Measurement> value) {
		if (runs.isEmpty()) {
			return null;
		}
		double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static String table(List<Row> rows) {
		StringBuilder table = new StringBuilder(
				String.format("%-5s %4s %4s %10s %9s %9s %7s %8s %10s %9s %9s%n", "shape", "conc", "runs", "req/s",
						"p50 ms", "p99 ms", "errors", "SQL/req", "raw req/s", "raw p50", "gw/raw"));
		rows.stream().sorted(Comparator.comparing(Row::concurrency)).forEach((row) -> table.append(row.line()));
		return table.toString();
	}

	private static String csv(List<Row> rows) {
		StringBuilder csv = new StringBuilder(
				"shape,concurrency,runs,rps,p50_ms,p99_ms,errors,sql_per_request,raw_rps,raw_p50_ms,raw_errors,gateway_over_raw\n");
		for (Row row : rows) {
			csv.append(String.join(",", row.shape(), String.valueOf(row.concurrency()), String.valueOf(row.runs()),
					plain(row.rps()), plain(row.p50Ms()), plain(row.p99Ms()), String.valueOf(row.errors()),
					plain(row.statementsPerRequest()), plain(row.rawRps()), plain(row.rawP50Ms()),
					String.valueOf(row.rawErrors()), plain(row.ratio())))
				.append('\n');
		}
		return csv.toString();
	}

	private static String plain(Double value) {
		return (value != null) ? String.format("%.3f", value) : "";
	}

	/**
	 * One line of the table: medians over runs; null where nothing was measured (Q6
	 * without the mutations in the schema, the raw replay of a write shape).
	 */
	record Row(String shape, int concurrency, int runs, Double rps, Double p50Ms, Double p99Ms, long errors,
			Double statementsPerRequest, Double rawRps, Double rawP50Ms, long rawErrors) {

		public Double ratio() {
			return (this.rps != null && this.rawRps != null && this.rawRps > 0) ? this.rps / this.rawRps : null;
		}

		String line() {
			if (this.rps == null) {
				return String.format("%-5s %4d %4s %10s%n", this.shape, this.concurrency, "-", "n/a");
			}
			return String.format("%-5s %4d %4d %10.0f %9.2f %9.2f %7d %8.2f %10s %9s %9s%n", this.shape,
					this.concurrency, this.runs, this.rps, this.p50Ms, this.p99Ms, this.errors,
					this.statementsPerRequest, (this.rawRps != null) ? String.format("%.0f", this.rawRps) : "-",
					(this.rawP50Ms != null) ? String.format("%.2f", this.rawP50Ms) : "-",
					(ratio() != null) ? String.format("%.2f", ratio()) : "-");
		}

	}

}
