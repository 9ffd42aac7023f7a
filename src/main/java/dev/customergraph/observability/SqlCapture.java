package dev.customergraph.observability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.mysql.cj.BindValue;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import org.jspecify.annotations.Nullable;

/**
 * Records the SQL text and bound parameters of every statement the driver sends while a
 * capture is open, so a benchmark can replay over plain JDBC exactly what the gateway
 * sent for one request. A capture sees statements from all threads (batch loads may run
 * on another thread than the request), so it is meant for an otherwise idle gateway;
 * captures take turns.
 */
public final class SqlCapture {

	private static final Semaphore TURN = new Semaphore(1);

	private static volatile @Nullable List<Statement> open;

	private SqlCapture() {
	}

	/** Opens a capture, waiting up to 10 s for one that is still open. */
	public static Session start() {
		try {
			if (!TURN.tryAcquire(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Another SQL capture is still open");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to capture SQL", ex);
		}
		List<Statement> statements = Collections.synchronizedList(new ArrayList<>());
		open = statements;
		return new Session(statements);
	}

	/**
	 * Called by {@link SqlStatementCounter} for every statement; free while no capture is
	 * open.
	 */
	static void record(Supplier<String> sql, Query query) {
		List<Statement> statements = open;
		if (statements != null) {
			statements.add(Statement.of(sql, query));
		}
	}

	/** An open capture; {@link #stop()} closes it and returns what it saw. */
	public static final class Session implements AutoCloseable {

		private final List<Statement> statements;

		private boolean closed;

		private Session(List<Statement> statements) {
			this.statements = statements;
		}

		public synchronized List<Statement> stop() {
			close();
			synchronized (this.statements) {
				return List.copyOf(this.statements);
			}
		}

		@Override
		public synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				open = null;
				TURN.release();
			}
		}

	}

	/**
	 * A statement as sent: its text with {@code ?} placeholders and the values bound to
	 * them.
	 *
	 * @param sql the statement text
	 * @param parameters the bound values, in placeholder order
	 */
	public record Statement(String sql, List<Parameter> parameters) {

		static Statement of(Supplier<String> sql, Query query) {
			if (query instanceof PreparedQuery prepared && prepared.getQueryBindings() != null) {
				List<Parameter> parameters = Arrays.stream(prepared.getQueryBindings().getBindValues())
					.map(Parameter::of)
					.toList();
				return new Statement(prepared.getOriginalSql(), parameters);
			}
			return new Statement(sql.get(), List.of());
		}

	}

	/**
	 * A bound value: its Java type's simple name ({@code Long}, {@code String},
	 * {@code LocalDateTime}, …, or {@code null}) and its text.
	 *
	 * @param type the value's type
	 * @param value the value as text, null for SQL NULL
	 */
	public record Parameter(String type, @Nullable String value) {

		static Parameter of(BindValue bound) {
			Object value = bound.getValue();
			return (bound.isNull() || value == null) ? new Parameter("null", null)
					: new Parameter(value.getClass().getSimpleName(), String.valueOf(value));
		}

	}

}
