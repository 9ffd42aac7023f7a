package dev.customergraph.observability;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Counts the SQL statements the driver sends, in total and on the current thread.
 * Connector/J instantiates it for every connection (the {@code queryInterceptors} driver
 * property), so it sees every statement, whoever issued it; tests and metrics read the
 * counts to hold the gateway to a constant number of statements per request. It also
 * feeds {@link SqlCapture}.
 */
public final class SqlStatementCounter implements QueryInterceptor {

	private static final AtomicLong TOTAL = new AtomicLong();

	private static final ThreadLocal<long[]> ON_THREAD = ThreadLocal.withInitial(() -> new long[1]);

	private static final ThreadLocal<Boolean> NOT_COUNTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

	/**
	 * Runs work that serves no request (the API key refresh, writing down when keys were
	 * last used) without counting its statements, so a request's count stays its own.
	 */
	public static void notCounted(Runnable work) {
		NOT_COUNTED.set(Boolean.TRUE);
		try {
			work.run();
		}
		finally {
			NOT_COUNTED.set(Boolean.FALSE);
		}
	}

	/** Statements sent since the JVM started, by any thread. */
	public static long total() {
		return TOTAL.get();
	}

	/** Statements sent by the current thread since it started. */
	public static long onThisThread() {
		return ON_THREAD.get()[0];
	}

	@Override
	public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
		return this;
	}

	@Override
	public <T extends Resultset> T preProcess(Supplier<String> sql, Query interceptedQuery) {
		if (NOT_COUNTED.get() || isSessionSetup(sql, interceptedQuery)) {
			return null;
		}
		TOTAL.incrementAndGet();
		ON_THREAD.get()[0]++;
		SqlCapture.record(sql, interceptedQuery);
		return null;
	}

	/**
	 * The pool's {@code SET SESSION …} on every new connection is set-up, not a request's
	 * work; counting it would charge a request for a pool refilling in the background.
	 * Only plain statements are looked at, so the prepared data statements cost no string
	 * building here.
	 */
	private static boolean isSessionSetup(Supplier<String> sql, Query query) {
		return !(query instanceof PreparedQuery) && sql.get().regionMatches(true, 0, "SET ", 0, 4);
	}

	@Override
	public boolean executeTopLevelOnly() {
		return true;
	}

	@Override
	public void destroy() {
	}

	@Override
	public <T extends Resultset> T postProcess(Supplier<String> sql, Query interceptedQuery, T originalResultSet,
			ServerSession serverSession) {
		return null;
	}

}
