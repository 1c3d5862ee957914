package io.labgrader.live;

/**
 * A {@link LiveSource}'s connection as check opens it, once, for every probe that reads that source: open, or the
 * record of why it could not be opened. A probe asks its {@code module.ProbeRun} for it by its type.
 */
public interface LiveConnection extends AutoCloseable {

    /** Closes it, if open; closing again does nothing. */
    @Override
    void close();
}
