package com.crmplatform.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An SMTP server on 127.0.0.1 whose answer to each recipient is scripted: the tests' way to make a
 * mail server say "try later" (4xx) or "no such mailbox" (5xx), which GreenMail does not. It speaks
 * enough of RFC 5321 for a real client: EHLO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** A message the server took: its recipient and its raw text (headers and body). */
    record Accepted(String recipient, String data, long atNanos) {
        String header(String name) {
            for (String line : data.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return null;
        }
    }

    private final ServerSocket socket;
    private final ExecutorService sessions = Executors.newCachedThreadPool();
    private final Function<String, String> rcptReply;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

    /** @param rcptReply the reply to RCPT TO for an address ("250 OK", "451 4.3.0 Try later", "550 5.1.1 No such user") */
    ScriptedSmtpServer(Function<String, String> rcptReply) throws IOException {
        this(0, rcptReply);
    }

    /** @param port the port to listen on (0: any free one); a server closed and started again keeps its port */
    ScriptedSmtpServer(int port, Function<String, String> rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        sessions.submit(this::accept);
    }

    private final List<Socket> open = new CopyOnWriteArrayList<>();

    int port() {
        return socket.getLocalPort();
    }

    List<Accepted> accepted() {
        return accepted;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                sessions.submit(() -> session(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250-scripted\r\n250 8BITMIME");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        String address = line.replaceFirst("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1");
                        String answer = rcptReply.apply(address);
                        if (answer.startsWith("2")) {
                            recipient = address;
                        }
                        reply(out, answer);
                    }
                    case "DATA" -> {
                        if (recipient == null) {
                            reply(out, "503 5.5.1 No valid recipients");
                            break;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String l;
                        while ((l = in.readLine()) != null && !l.equals(".")) {
                            data.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
                        }
                        accepted.add(new Accepted(recipient, data.toString(), System.nanoTime()));
                        reply(out, "250 2.0.0 Queued");
                    }
                    case "RSET" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close(); // a server that dies drops its connections too
        }
        sessions.shutdownNow();
    }
}
