package org.socialwork.platform.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;

/** A record formatted the way the running application's console handler writes it. */
final class ConsoleLog {

    static final String LOGGER = "org.socialwork.test";

    private ConsoleLog() {
    }

    static String line(String message) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, message, ConsoleLog.class.getName());
        record.setLoggerName(LOGGER);
        return consoleFormatter().format(record);
    }

    private static Formatter consoleFormatter() {
        List<Handler> pending = new ArrayList<>(List.of(java.util.logging.Logger.getLogger("").getHandlers()));
        while (!pending.isEmpty()) {
            Handler handler = pending.remove(0);
            if (handler instanceof ConsoleHandler) {
                return handler.getFormatter();
            }
            if (handler instanceof ExtHandler ext) {
                pending.addAll(List.of(ext.getHandlers()));
            }
        }
        throw new AssertionError("no console handler on the root logger");
    }
}
