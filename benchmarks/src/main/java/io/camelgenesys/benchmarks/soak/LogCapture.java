package io.camelgenesys.benchmarks.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every WARN and ERROR line logged during the soak: counted by logger and normalized message (so the report shows
 * what the components complain about under faults), and searched for secrets like the failures are. The lines still
 * go to the console as configured.
 */
final class LogCapture extends AbstractAppender {

    private final SoakFailures failures;
    private final Map<String, LongAdder> lines = new ConcurrentHashMap<>();

    private LogCapture(SoakFailures failures) {
        super("soak-capture", null, null, true, Property.EMPTY_ARRAY);
        this.failures = failures;
    }

    static LogCapture install(SoakFailures failures) {
        LogCapture capture = new LogCapture(failures);
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getRootLogger().addAppender(capture, Level.WARN, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        String message = event.getMessage().getFormattedMessage();
        String logger = event.getLoggerName();
        failures.checkText("log " + shortName(logger), message);
        Throwable t = event.getThrown();
        for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
            failures.checkText("log " + shortName(logger), t.toString());
        }
        lines.computeIfAbsent(event.getLevel() + " " + shortName(logger) + ": " + SoakFailures.normalize(message),
                k -> new LongAdder()).increment();
    }

    private static String shortName(String logger) {
        return logger == null ? "?" : logger.substring(logger.lastIndexOf('.') + 1);
    }

    /** Distinct normalized WARN/ERROR lines with their counts. */
    Map<String, Long> lines() {
        Map<String, Long> sorted = new TreeMap<>();
        lines.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    void uninstall() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
