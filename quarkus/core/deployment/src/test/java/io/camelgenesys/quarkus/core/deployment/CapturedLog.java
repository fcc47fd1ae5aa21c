package io.camelgenesys.quarkus.core.deployment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The formatted messages of the extension's loggers, captured from the JVM's log manager for the whole life of a test
 * class: build steps (where Dev Services start) and the close tasks run outside the window QuarkusUnitTest captures.
 */
final class CapturedLog extends Handler {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("io.camelgenesys.quarkus");

    /**
     * Starts capturing for the copy of the test class that JUnit loaded; the copy Quarkus loads again to run the test
     * methods gets an inert instance, so that one handler is attached per test class.
     */
    static CapturedLog start(Class<?> testClass) {
        CapturedLog log = new CapturedLog();
        if (testClass.getClassLoader() == ClassLoader.getSystemClassLoader()) {
            log.logger.addHandler(log);
        }
        return log;
    }

    List<String> stop() {
        logger.removeHandler(this);
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        messages.add(parameters == null || parameters.length == 0 ? message : String.format(message, parameters));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
