package dev.agentcron.api.common.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** Tells failures of an unreachable PostgreSQL or Redis (answered with 503) from bugs (500). */
final class Dependencies {

    private static final String[] UNAVAILABLE_MESSAGES = {
        "connection refused",
        "connection is closed",
        "connection was closed",
        "connection reset",
        "pool closed",
        "timeout waiting for connection",
        "failed to connect",
        "connection timed out",
        "the database system is starting up",
        "the database system is shutting down",
        "loading redis is loading",
        "no connection available"
    };

    private Dependencies() {}

    static boolean unavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof ClosedChannelException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                for (String marker : UNAVAILABLE_MESSAGES) {
                    if (lower.contains(marker)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
