package io.labgrader.batch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How many students are queued or being graded, and whether the run is cancelled: the one monitor the main thread
 * waits on while the grading threads work, and that {@link BatchGrader#cancel()} and
 * {@link BatchGrader#awaitQuiet(Duration)} use.
 */
final class StudentSlots {

    private final Object state = new Object();
    private boolean cancelled;
    private int busy;

    /** Counts one more (the class reports) unless the run is cancelled. */
    boolean enterUnlessCancelled() {
        synchronized (state) {
            if (cancelled) {
                return false;
            }
            busy++;
            return true;
        }
    }

    /** Stops starting further students; those being graded finish. */
    void cancel() {
        synchronized (state) {
            cancelled = true;
            state.notifyAll();
        }
    }

    /** Waits until no student is being graded and no report is being written. */
    boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (state) {
            while (busy > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(state, left);
            }
            return true;
        }
    }

    /**
     * Waits until fewer than {@code limit} students are queued or being graded, then counts one more; false once the
     * run is cancelled. The waits here and in {@link #awaitStudents} are monitor waits, which take nothing from the
     * heap: while a worker exhausts it on one huge journal, this thread must not die of the same OutOfMemoryError
     * before the worker's failure frees the memory and the student is listed with the reason.
     */
    boolean roomFor(int limit) throws InterruptedException {
        synchronized (state) {
            while (busy >= limit && !cancelled) {
                waitOnState();
            }
            if (cancelled) {
                return false;
            }
            busy++;
            return true;
        }
    }

    /** Waits until every started student is graded. */
    void awaitStudents() throws InterruptedException {
        synchronized (state) {
            while (busy > 0) {
                waitOnState();
            }
        }
    }

    private void waitOnState() throws InterruptedException {
        try {
            state.wait(1000);
        } catch (OutOfMemoryError e) {
            // only the grading worker holds that much; it fails, releases it and notifies: wait again
        }
    }

    /** One student graded, or the class reports written. */
    void done() {
        synchronized (state) {
            busy--;
            state.notifyAll();
        }
    }
}
