package cn.evcheck.inspect;

/** One readable line for a problem a library reported. */
final class Errors {
    private Errors() {}

    /** The first line of the message, or the exception's simple name when it has none. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m);
    }
}
