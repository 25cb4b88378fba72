package io.github.camelicloud.app.destination;

/** Finding the cause worth showing in a chain of wrapped exceptions. */
final class DestinationErrors {

    private DestinationErrors() {
    }

    /** The outermost cause of one of the given types, else the innermost cause. */
    @SafeVarargs
    static Throwable root(Throwable error, Class<? extends Throwable>... wanted) {
        Throwable last = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> w : wanted) {
                if (w.isInstance(t)) {
                    return t;
                }
            }
            last = t;
        }
        return last;
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
