package io.labgrader.batch;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The hand-over of graded students in batch order: results come back from the grading threads in any order; each is
 * passed on (to the listener, and to the spool with the identifiers of its evidence) as soon as every student before
 * it is done, so the output order is the batch order and at most a few results wait in memory.
 */
final class InBatchOrder {

    private final int total;
    private final Spool.Writer spool;
    private final BatchGrader.Listener listener;
    private final Map<Integer, BatchGrader.Graded> waiting = new HashMap<>();
    private int next;
    private IOException spoolProblem;

    InBatchOrder(int total, Spool.Writer spool, BatchGrader.Listener listener) {
        this.total = total;
        this.spool = spool;
        this.listener = listener;
    }

    /** The student at {@code position} is graded; passes on every result that no longer waits for one before it. */
    void arrived(int position, BatchGrader.Graded g) {
        synchronized (waiting) {
            waiting.put(position, g);
            for (BatchGrader.Graded ready; (ready = waiting.remove(next)) != null; next++) {
                listener.graded(ready.result(), next + 1, total);
                if (spoolProblem == null) {
                    try {
                        spool.append(ready.result(), ready.fingerprints());
                    } catch (IOException e) {
                        spoolProblem = e;
                    }
                }
            }
        }
    }

    /** The first failure to write the spool, or null; read once every student is graded. */
    IOException spoolProblem() {
        synchronized (waiting) {
            return spoolProblem;
        }
    }
}
