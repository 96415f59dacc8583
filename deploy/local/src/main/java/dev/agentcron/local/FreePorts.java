package dev.agentcron.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks for the processes the launcher starts. */
final class FreePorts {

    private FreePorts() {}

    /** A port the system reports free on the loopback interface. */
    static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LauncherException("No free TCP port: " + e.getMessage(), e);
        }
    }

    /** Whether nothing listens on {@code port} of {@code host}, so a service can bind it. */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
