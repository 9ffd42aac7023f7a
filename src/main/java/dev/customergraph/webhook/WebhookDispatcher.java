package dev.customergraph.webhook;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.customergraph.observability.SqlStatementCounter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the deliveries of a serving gateway (not of the jar's commands): every
 * {@code poll-interval} it looks for endpoints with work, claims as many as it has free
 * worker threads ({@code worker-threads}), and delivers each claim on one of them. Every
 * instance does the same; the leases keep them off one another's endpoints. Its
 * statements serve no request, so they are not counted as a request's.
 */
@Component
@ConditionalOnWebApplication
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final DeliveryRepository deliveries;

	private final EndpointDelivery delivery;

	private final WebhookProperties properties;

	private final Semaphore freeWorkers;

	private @Nullable ScheduledExecutorService poller;

	private @Nullable ThreadPoolExecutor workers;

	private volatile boolean failing;

	WebhookDispatcher(DeliveryRepository deliveries, EndpointDelivery delivery, WebhookProperties properties) {
		this.deliveries = deliveries;
		this.delivery = delivery;
		this.properties = properties;
		this.freeWorkers = new Semaphore(properties.workerThreads());
	}

	@Override
	public synchronized void start() {
		int threads = this.properties.workerThreads();
		AtomicInteger numbers = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
				(task) -> daemon(task, "webhook-delivery-" + numbers.incrementAndGet()));
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "webhook-poll"));
		long interval = Math.max(1, this.properties.pollInterval().toMillis());
		this.poller.scheduleWithFixedDelay(() -> SqlStatementCounter.notCounted(this::poll), interval, interval,
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.poller != null) {
			this.poller.shutdownNow();
			this.workers.shutdownNow();
			this.poller = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.poller != null;
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Claims endpoints for the free workers. A failure (the database away) is logged once
	 * until polls succeed again, and never ends the schedule.
	 */
	private void poll() {
		try {
			int free = this.freeWorkers.availablePermits();
			if (free > 0) {
				for (DeliveryRepository.Due due : this.deliveries.due(free)) {
					this.deliveries.claim(due, this.properties.lease()).ifPresent(this::hand);
				}
			}
			this.failing = false;
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				log.warn("Webhook deliveries paused: {}", ex.toString());
				this.failing = true;
			}
		}
	}

	private void hand(DeliveryRepository.Claim claim) {
		this.freeWorkers.acquireUninterruptibly();
		this.workers.execute(() -> {
			try {
				SqlStatementCounter.notCounted(() -> this.delivery.run(claim));
			}
			catch (RuntimeException ex) {
				log.warn("Webhook delivery to endpoint {} stopped; it is retried once its lease expires",
						claim.endpointKey(), ex);
			}
			finally {
				this.freeWorkers.release();
			}
		});
	}

}
