package cn.evcheck.cli;

/**
 * POI logs through the Log4j API without a backend, which prints "could not find a logging
 * provider" to stderr. A clerk must not see that: route it to Log4j's simple logger, off. PDFBox logs
 * through commons-logging, which hands its messages to the same Log4j API (QuietLibrariesTest), so
 * java.util.logging is not touched: setting it up was 0.01 s of every run's start.
 */
final class Logging {
    private Logging() {}

    static void quiet() {
        System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setProperty("org.apache.logging.log4j.level", "OFF");
        System.setProperty("log4j2.StatusLogger.level", "OFF");
    }
}
