package cn.evcheck.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Work a run starts on a thread of its own (a daemon: it never keeps evcheck from exiting) and asks for later. */
final class Background {
    private Background() {}

    static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The work's result, or {@code otherwise} when it failed or the wait was interrupted. */
    static <T> T get(Future<T> f, T otherwise) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        } catch (ExecutionException e) {
            return otherwise;
        }
    }
}
