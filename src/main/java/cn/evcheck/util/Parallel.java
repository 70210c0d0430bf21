package cn.evcheck.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Work of the judging phase spread over the run's threads ({@code --threads}), with results that do
 * not depend on how many there are: {@link #map} keeps the input's order, {@link #run} gives each
 * share its number. The caller's thread takes the first share; the others run on daemon threads kept
 * for the next call. A share's exception reaches the caller.
 */
public final class Parallel {
    private Parallel() {}

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "evcheck-judge");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code share.accept(i)} for i = 0 … {@code shares} − 1, at once, and waits for all of them. */
    public static void run(int shares, IntConsumer share) {
        if (shares <= 1) {
            if (shares == 1) share.accept(0);
            return;
        }
        List<Future<?>> others = new ArrayList<>(shares - 1);
        for (int i = 1; i < shares; i++) {
            int k = i;
            others.add(POOL.submit(() -> share.accept(k)));
        }
        Throwable failed = null;
        try {
            share.accept(0);
        } catch (RuntimeException | Error e) {
            failed = e;
        }
        boolean interrupted = false;
        for (Future<?> f : others) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;   // the shares are short: wait for them, then say so
                } catch (ExecutionException e) {
                    if (failed == null) failed = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failed instanceof RuntimeException re) throw re;
        if (failed instanceof Error err) throw err;
        if (failed != null) throw new IllegalStateException(failed);
    }

    /**
     * {@code f} applied to every element, in the input's order, on up to {@code threads} threads (each
     * a contiguous stretch); on the caller's thread alone for fewer than {@code minPerThread} elements
     * a thread.
     */
    public static <T, R> List<R> map(List<T> in, Function<? super T, ? extends R> f, int threads, int minPerThread) {
        int n = in.size();
        int shares = Math.max(1, Math.min(threads, n / Math.max(1, minPerThread)));
        if (shares == 1) {
            List<R> out = new ArrayList<>(n);
            for (T t : in) out.add(f.apply(t));
            return out;
        }
        Object[] out = new Object[n];
        run(shares, s -> {
            int from = (int) ((long) n * s / shares);
            int to = (int) ((long) n * (s + 1) / shares);
            for (int i = from; i < to; i++) out[i] = f.apply(in.get(i));
        });
        List<R> list = new ArrayList<>(n);
        for (Object o : out) {
            @SuppressWarnings("unchecked") R r = (R) o;
            list.add(r);
        }
        return list;
    }
}
