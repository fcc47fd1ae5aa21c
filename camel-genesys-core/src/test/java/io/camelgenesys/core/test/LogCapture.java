package io.camelgenesys.core.test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log event (camel-genesys at TRACE while installed) so that a test can
 * assert what was, and was not, logged: above all, that no credential or token ever is.
 */
public final class LogCapture extends AbstractAppender {

    /** One captured event: level, logger, formatted message and the full stack trace text, if any. */
    public record Captured(Level level, String logger, String message, Throwable thrown, String throwableText) {
        public String all() {
            return logger + " " + message + "\n" + throwableText;
        }
    }

    private final List<Captured> events = new CopyOnWriteArrayList<>();

    private LogCapture() {
        super("genesys-test-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Captures with camel-genesys at TRACE; Camel's own loggers stay at their configured level. */
    public static LogCapture install() {
        return install(false);
    }

    /**
     * Also lowers Camel to DEBUG. Not the default: Camel's DefaultPropertiesParser logs resolved property values at
     * DEBUG whatever their name, so a route that takes a secret from a property placeholder would fail the check
     * through no fault of camel-genesys.
     */
    public static LogCapture installWithCamelDebug() {
        return install(true);
    }

    private static LogCapture install(boolean camelDebug) {
        LogCapture capture = new LogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.addAppender(capture);
        configuration.getRootLogger().addAppender(capture, Level.ALL, null);
        context.updateLoggers();
        Configurator.setLevel("io.camelgenesys", Level.TRACE);
        if (camelDebug) {
            Configurator.setLevel("org.apache.camel", Level.DEBUG);
        }
        return capture;
    }

    public void uninstall() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        Configurator.setLevel("io.camelgenesys", Level.INFO);
        Configurator.setLevel("org.apache.camel", Level.INFO);
        stop();
    }

    @Override
    public void append(LogEvent event) {
        Throwable thrown = event.getThrown();
        String text = "";
        if (thrown != null) {
            StringWriter sw = new StringWriter();
            thrown.printStackTrace(new PrintWriter(sw));
            text = sw.toString();
        }
        events.add(new Captured(event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage(), thrown,
                text));
    }

    public List<Captured> events() {
        return List.copyOf(events);
    }

    public List<Captured> matching(Predicate<Captured> predicate) {
        return events.stream().filter(predicate).toList();
    }

    public void clear() {
        events.clear();
    }

    /** Fails naming the first event (message or stack trace) that contains any of the values. */
    public void assertNoneContains(Collection<String> values) {
        for (Captured c : events) {
            String all = c.all();
            for (String v : values) {
                if (v != null && !v.isEmpty() && all.contains(v)) {
                    throw new AssertionError("A log line contains a secret (" + v.length() + " chars) from logger "
                                             + c.logger() + ": " + c.message().replace(v, "<SECRET>"));
                }
            }
        }
    }
}
