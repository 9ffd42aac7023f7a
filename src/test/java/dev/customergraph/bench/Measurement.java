package dev.customergraph.bench;

/**
 * One measured run of one shape at one concurrency, as a line of {@code runs.jsonl}:
 * written by {@code bench/run.sh} from wrk's report (kind {@code gateway}) and by
 * {@link RawReplay} (kind {@code raw}), read by {@link BenchReport}.
 *
 * @param kind {@code gateway} or {@code raw}
 * @param shape Q1 … Q6
 * @param concurrency clients (connections) at once
 * @param run 1, 2, …
 * @param requests completed in the measured window
 * @param rps requests per second
 * @param p50Ms median latency
 * @param p99Ms 99th percentile latency
 * @param errors failed requests: non-2xx, GraphQL errors, user errors, SQL exceptions
 * @param statementsPerRequest SQL statements per request
 */
public record Measurement(String kind, String shape, int concurrency, int run, long requests, double rps, double p50Ms,
		double p99Ms, long errors, double statementsPerRequest) {

}
