package dev.customergraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's GC pauses over a harness run, read from its {@code -Xlog:gc} file, and
 * whether the heap stays flat: the median heap after GC in the first and in the last
 * minute.
 *
 * @param pauses stop-the-world pauses
 * @param fullPauses full collections among them
 * @param totalMs all pauses added up
 * @param maxMs the longest pause
 * @param seconds from the first to the last pause
 * @param heapAfterFirstMinuteMb median heap after GC in the first minute
 * @param heapAfterLastMinuteMb median heap after GC in the last minute
 */
record GcPauses(int pauses, int fullPauses, double totalMs, double maxMs, double seconds, long heapAfterFirstMinuteMb,
		long heapAfterLastMinuteMb) {

	// [12.345s][info][gc] GC(5) Pause Young (Normal) (G1 Evacuation Pause)
	// 100M->20M(512M) 3.210ms
	private static final Pattern PAUSE = Pattern
		.compile("^\\[([\\d.]+)s].*GC\\(\\d+\\) (Pause .*?) (\\d+)M->(\\d+)M\\(\\d+M\\) ([\\d.]+)ms");

	static GcPauses read(Path log) throws IOException {
		if (!Files.isRegularFile(log)) {
			return new GcPauses(0, 0, 0, 0, 0, 0, 0);
		}
		List<double[]> pauses = new ArrayList<>();
		int full = 0;
		for (String line : Files.readAllLines(log)) {
			Matcher pause = PAUSE.matcher(line);
			if (pause.find()) {
				full += pause.group(2).startsWith("Pause Full") ? 1 : 0;
				pauses.add(new double[] { Double.parseDouble(pause.group(1)), Double.parseDouble(pause.group(4)),
						Double.parseDouble(pause.group(5)) });
			}
		}
		if (pauses.isEmpty()) {
			return new GcPauses(0, 0, 0, 0, 0, 0, 0);
		}
		double first = pauses.get(0)[0];
		double last = pauses.get(pauses.size() - 1)[0];
		return new GcPauses(pauses.size(), full, pauses.stream().mapToDouble((p) -> p[2]).sum(),
				pauses.stream().mapToDouble((p) -> p[2]).max().orElse(0), last - first,
				medianHeap(pauses, first, first + 60), medianHeap(pauses, last - 60, last));
	}

	private static long medianHeap(List<double[]> pauses, double from, double to) {
		double[] heap = pauses.stream()
			.filter((p) -> p[0] >= from && p[0] <= to)
			.mapToDouble((p) -> p[1])
			.sorted()
			.toArray();
		return (heap.length > 0) ? Math.round(heap[heap.length / 2]) : 0;
	}

	@Override
	public String toString() {
		if (this.pauses == 0) {
			return "GC: no pauses logged";
		}
		return String.format(
				"GC: %d pauses (%d full) over %.0f s, total %.0f ms, longest %.1f ms; heap after GC: first minute %d MB, last minute %d MB",
				this.pauses, this.fullPauses, this.seconds, this.totalMs, this.maxMs, this.heapAfterFirstMinuteMb,
				this.heapAfterLastMinuteMb);
	}

}
