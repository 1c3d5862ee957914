package io.labgrader.cli;

/**
 * Whether labgrader's output goes to a terminal (colours, the progress bar). In-process that is the JVM's own
 * console; for a check served by the {@link CheckServer}, it is the console of the client that asked, which the
 * server sets for the one request it runs at a time (as it sets System.out and System.err to that client's).
 */
final class Terminal {

    /** null: this JVM's own console; else the console of the client being served. */
    private static volatile Boolean served;

    private Terminal() {
    }

    static boolean attached() {
        Boolean client = served;
        return client != null ? client : System.console() != null;
    }

    static void serving(Boolean clientHasTerminal) {
        served = clientHasTerminal;
    }
}
