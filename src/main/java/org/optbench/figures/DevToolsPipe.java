package org.optbench.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One headless Chromium, driven through the Chrome DevTools Protocol over a pipe ({@code
 * --remote-debugging-pipe}): Chromium reads commands from its file descriptor 3 and writes replies
 * to descriptor 4, each message one JSON text ended by a NUL byte. A {@code sh} in front connects
 * those descriptors to the process's standard input and output, so the protocol needs no port and
 * no network, and a whole export takes one browser process however many figures it has.
 *
 * <p>Each step of the session ({@link #step}: starting and loading the page, drawing one figure)
 * has {@code timeout} to finish: a watchdog kills the browser when a step overruns, which ends any
 * read in progress, and the call that was waiting reports the time-out. A limit per step, not per
 * session, stops a hung browser as soon as one figure would, whatever the number of figures.
 */
final class DevToolsPipe implements AutoCloseable {

  /**
   * Flags for a browser with no window, no GPU and nothing that calls out (updates, sync, QUIC);
   * the sandbox is off because it needs privileges containers and CI runners lack.
   */
  private static final List<String> FLAGS = List.of(
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--remote-debugging-pipe");

  /** Moves sh's standard input and output to descriptors 3 and 4, then becomes the browser. */
  private static final String CONNECT = "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream commands;
  private final InputStream replies;
  private final Path log;
  private final Duration timeout;
  private final Thread watchdog;
  private volatile boolean timedOut;
  /** When the current step must have finished, in {@link System#nanoTime} units. */
  private volatile long deadline;
  private volatile String step = "starting";
  private int lastId;

  private DevToolsPipe(Process process, Path log, Duration timeout) {
    this.process = process;
    this.commands = process.getOutputStream();
    this.replies = process.getInputStream();
    this.log = log;
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
    this.watchdog = new Thread(this::killAtDeadline, "chromium-deadline");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * Starts {@code chromium} with a fresh profile in {@code profile} and its standard error in
   * {@code log}; the browser is killed when a step (the first one starts now) takes longer than
   * {@code timeout}.
   */
  static DevToolsPipe start(Path chromium, Path profile, Path log, Duration timeout)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("sh", "-c", CONNECT, chromium.toString()));
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.add("about:blank");
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
        .start();
    return new DevToolsPipe(process, log, timeout);
  }

  /** Starts the step described by {@code what} (e.g. "drawing loss_1"), with its own timeout. */
  void step(String what) {
    step = what;
    deadline = System.nanoTime() + timeout.toNanos();
  }

  /** Sends a browser-level command and returns its result. */
  JsonNode send(String method, ObjectNode params) throws IOException {
    return send(method, params, null);
  }

  /**
   * Sends a command to the page attached as {@code session} ({@code null}: to the browser) and
   * returns its result, skipping the events that arrive before it.
   *
   * @throws IOException when the browser answers with an error, exits, or the deadline passes
   */
  JsonNode send(String method, ObjectNode params, String session) throws IOException {
    ObjectNode message = JSON.createObjectNode().put("id", ++lastId).put("method", method);
    message.set("params", params);
    if (session != null) {
      message.put("sessionId", session);
    }
    try {
      commands.write(JSON.writeValueAsBytes(message));
      commands.write(0);
      commands.flush();
      while (true) {
        JsonNode reply = JSON.readTree(nextMessage());
        if (reply.path("id").asInt(-1) != lastId) {
          continue; // an event, or the reply to nothing we wait for
        }
        if (reply.has("error")) {
          throw new IOException("chromium refused " + method + ": " + reply.get("error"));
        }
        return reply.path("result");
      }
    } catch (IOException e) {
      throw explained(e);
    }
  }

  /** A fresh JSON object for a command's parameters. */
  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /**
   * Closes the browser: politely first, then by force. The watchdog stays on until the browser is
   * gone, so that a browser that hangs on the way out is still stopped at the deadline.
   */
  @Override
  public void close() {
    try {
      if (process.isAlive() && !timedOut) {
        send("Browser.close", params());
      }
    } catch (IOException ignored) {
      // the browser may exit before it answers; it is going either way
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        kill();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    } finally {
      watchdog.interrupt();
    }
  }

  private byte[] nextMessage() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int b = replies.read();
      if (b < 0) {
        throw new IOException("chromium closed the DevTools pipe");
      }
      if (b == 0) {
        return message.toByteArray();
      }
      message.write(b);
    }
  }

  /** The failure as the user should read it: the time-out, or the browser's last words. */
  private IOException explained(IOException e) {
    if (timedOut) {
      return new IOException("chromium took more than " + timeout.toSeconds() + " s " + step
          + " and was stopped; a slow or busy machine needs a longer --timeout", e);
    }
    return new IOException(e.getMessage() + lastLogLines(), e);
  }

  private String lastLogLines() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
      return last.isEmpty() ? "" : " (chromium's log ends: " + String.join(" | ", last) + ")";
    } catch (IOException unreadable) {
      return "";
    }
  }

  private void killAtDeadline() {
    try {
      while (process.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          timedOut = true;
          kill();
          return;
        }
        process.waitFor(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException closed) {
      // the session ended first
    }
  }

  /** Ends the browser and its helper processes (renderer, GPU, zygote), which it started. */
  private void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
