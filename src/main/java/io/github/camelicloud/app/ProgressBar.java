package io.github.camelicloud.app;

import java.io.PrintStream;

/** A one-line progress bar on the terminal (stderr), redrawn in place; silent when off or not a terminal. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private boolean drawn;
    private ProgressListener listener = (done, total) -> { };

    /** Also hears every update (the web page shows it), whether the bar is drawn or not. */
    interface ProgressListener {
        void progress(int done, long total);
    }

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    ProgressBar alsoTell(ProgressListener listener) {
        this.listener = listener;
        return this;
    }

    void show(int done, long total) {
        listener.progress(done, total);
        if (!enabled) {
            return;
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            line = String.format("%3d%%|%s%s| %d/%d [%02d:%02d]", Math.min(100, done * 100 / total),
                    "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, seconds / 60, seconds % 60);
        } else {
            line = String.format("%d assets [%02d:%02d]", done, seconds / 60, seconds % 60);
        }
        out.print("\r" + line);
        out.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }
}
