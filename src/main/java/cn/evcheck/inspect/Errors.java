package cn.evcheck.inspect;

/** One readable line for a problem a library reported. */
final class Errors {
    private Errors() {}

    /** Java's default toString of an object: a class name and its identity hash, which changes from run to run. */
    private static final java.util.regex.Pattern IDENTITY = java.util.regex.Pattern.compile(
            "(?:[A-Za-z_$][\\w$]*\\.)*([A-Za-z_$][\\w$]*)@[0-9a-f]{4,8}\\b");

    /**
     * Exceptions the JVM throws by itself (a null, an index out of bounds, a bad cast, a division
     * by zero). Once the code throwing one is hot, HotSpot throws a preallocated instance without
     * a message (OmitStackTraceInFastThrow): the same file would read "Index 100 out of bounds
     * for length 100" in one run and "ArrayIndexOutOfBoundsException" in the next.
     */
    private static final java.util.Set<Class<?>> IMPLICIT = java.util.Set.of(NullPointerException.class,
            ArrayIndexOutOfBoundsException.class, ClassCastException.class, ArithmeticException.class, ArrayStoreException.class);

    /**
     * The first line of the message, or the exception's simple name when it has none or is one
     * the JVM throws by itself ({@link #IMPLICIT}). Object identities a library prints
     * ("…DirectoryNode@44f187e") become the bare class name, so the same file gives the same
     * words in every run and with any thread count.
     */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || IMPLICIT.contains(e.getClass())) return e.getClass().getSimpleName();
        return IDENTITY.matcher(m.lines().findFirst().orElse(m)).replaceAll("$1");
    }
}
