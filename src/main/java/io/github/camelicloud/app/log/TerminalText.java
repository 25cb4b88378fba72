package io.github.camelicloud.app.log;

/**
 * Text from the server (phone numbers, names, album and file names) on its way to a terminal or a log: control
 * characters (escape sequences that rewrite the screen, line breaks that forge a log line) and the bidi
 * overrides that reorder what is shown are dropped; tabs become spaces.
 */
public final class TerminalText {

    private TerminalText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = Character.isISOControl(c) || isBidiControl(c);
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !drop) {
                out.append(c);
            } else if (out != null && c == '\t') {
                out.append(' ');
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
