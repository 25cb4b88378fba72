package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.ResumingDownloadStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.util.IOHelper;

/**
 * Keeps {@code concurrency} exchanges in flight across pages: the first files of the next page start as soon as
 * any file of this one is done, not when its slowest is (a page barrier leaves the link idle while one large video
 * finishes). Each page's completion — its outcomes to the listeners, deletions — still runs once all of its files
 * are done, in page order and on the polling thread. At most {@code pagesOpen} pages wait for a slow file, so
 * memory stays bounded. Used by one polling thread at a time.
 */
final class DownloadPipeline {

    private final ExecutorService downloads;
    private final Semaphore slots;
    private final int pagesOpen;
    private final Consumer<Exchange> deliver;
    private final BooleanSupplier allowed;
    private final IntConsumer pending;
    private final Deque<Page> open = new ArrayDeque<>();

    /**
     * @param downloads   the threads that route the exchanges; null routes them one by one on the caller's thread
     * @param concurrency exchanges in flight at most
     * @param pagesOpen   pages whose completion may wait at most; 1 is a barrier at each page's end
     * @param deliver     routes one exchange (never throws)
     * @param allowed     false once the consumer stops: exchanges not yet started are dropped (bodies closed)
     * @param pending     told how many exchanges of the page are not started yet (Camel's shutdown strategy)
     */
    DownloadPipeline(ExecutorService downloads, int concurrency, int pagesOpen, Consumer<Exchange> deliver,
            BooleanSupplier allowed, IntConsumer pending) {
        this.downloads = downloads;
        this.slots = new Semaphore(Math.max(1, concurrency));
        this.pagesOpen = Math.max(1, pagesOpen);
        this.deliver = deliver;
        this.allowed = allowed;
        this.pending = pending;
    }

    /**
     * Starts a page's exchanges as slots free up (running completions of earlier pages meanwhile); returns once
     * all are started and no more than {@code pagesOpen} pages are open. {@code done} runs when all are done.
     */
    int submit(List<Exchange> exchanges, Runnable done) throws InterruptedException {
        Page page = new Page(exchanges.size(), done);
        open.add(page);
        int total = exchanges.size();
        int started = 0;
        for (; started < total && allowed.getAsBoolean(); started++) {
            Exchange exchange = exchanges.get(started);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, started);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, started == total - 1);
            pending.accept(total - started - 1);
            start(exchange, page);
        }
        for (int i = started; i < total; i++) { // cut off by a shutdown: never started
            if (exchanges.get(i).getMessage().getBody() instanceof ResumingDownloadStream body) {
                IOHelper.close(body);
            }
            page.finished();
        }
        completeFinishedPages();
        while (open.size() >= pagesOpen) {
            open.peek().await();
            completeFinishedPages();
        }
        return total;
    }

    /** Waits for every exchange started, running the pages' completions in order. */
    void drain() throws InterruptedException {
        while (!open.isEmpty()) {
            open.peek().await();
            completeFinishedPages();
        }
    }

    private void start(Exchange exchange, Page page) throws InterruptedException {
        if (downloads == null) {
            deliver.accept(exchange);
            page.finished();
            return;
        }
        while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            completeFinishedPages(); // tell the listeners of pages done meanwhile, without waiting for a slot
        }
        try {
            downloads.execute(() -> {
                try {
                    deliver.accept(exchange);
                } finally {
                    slots.release();
                    page.finished();
                }
            });
        } catch (RejectedExecutionException e) { // the pool is shutting down with the consumer
            slots.release();
            if (exchange.getMessage().getBody() instanceof ResumingDownloadStream body) {
                IOHelper.close(body);
            }
            page.finished();
        }
    }

    private void completeFinishedPages() {
        while (!open.isEmpty() && open.peek().isDone()) {
            open.poll().done.run();
        }
    }

    private static final class Page {
        private final CountDownLatch unfinished;
        private final Runnable done;

        Page(int exchanges, Runnable done) {
            this.unfinished = new CountDownLatch(exchanges);
            this.done = done;
        }

        void finished() {
            unfinished.countDown();
        }

        boolean isDone() {
            return unfinished.getCount() == 0;
        }

        void await() throws InterruptedException {
            unfinished.await();
        }
    }
}
