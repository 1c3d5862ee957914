package io.labgrader.batch;

import java.util.concurrent.Semaphore;

/**
 * Lets the grading threads hold at most a budget of journal bytes at once. A journal's parsed observations take
 * several times its size on the heap (a 60 MiB journal about 250 MiB), so two near-limit journals graded side by side
 * doubled a class's peak memory. Each student takes as much of the budget as their journal's size while its evidence
 * is read and graded: a class of kilobyte journals is graded in parallel as before, near-limit ones one at a time.
 * The queue is fair, so a large journal is not passed over forever by small ones.
 */
final class JournalGate {

    private static final int UNIT = 1024;   // permits count KiB: a 64 MiB budget fits an int many times over

    /** A student's share of the budget; closing it gives the share back. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore permits;
    private final int total;

    /** @param budget journal bytes the grading threads may hold at once; one journal of any size always fits */
    JournalGate(long budget) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / UNIT));
        this.permits = new Semaphore(total, true);
    }

    /** Waits until the journal fits the budget; a journal larger than the budget waits until it has it all. */
    Held enter(long journalBytes) {
        int share = (int) Math.max(1, Math.min(total, journalBytes / UNIT));
        permits.acquireUninterruptibly(share);
        return () -> permits.release(share);
    }
}
