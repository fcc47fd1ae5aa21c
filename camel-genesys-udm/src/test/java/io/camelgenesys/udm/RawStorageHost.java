package io.camelgenesys.udm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A storage host for what the simulator's does not do (it honours every range): a server socket whose test writes
 * each answer byte for byte, each connection on a thread of its own.
 */
final class RawStorageHost implements AutoCloseable {

    /** Answers one request, given its head (request line and headers, as text). */
    interface Answer {
        void write(String head, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;

    RawStorageHost(Answer answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s, answer), "raw-storage-host");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-storage-host-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A link to {@code name} on this host, with a signature in its query as a pre-signed link has. */
    String link(String name) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/bucket/" + name + "?X-Amz-Signature=s3cr3tsig";
    }

    private static void serve(Socket s, Answer answer) {
        try (s) {
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                head.append((char) c);
            }
            OutputStream out = s.getOutputStream();
            answer.write(head.toString(), out);
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
