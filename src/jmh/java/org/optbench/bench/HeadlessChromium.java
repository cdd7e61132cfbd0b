package org.optbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cold headless Chromium (fresh profile, networking features off) driven over the DevTools
 * protocol, for timing how a page opens in real time.
 *
 * <p>Why not {@code --dump-dom --virtual-time-budget}, as the browser test does: under virtual time
 * the page's clock ({@code performance.now()}, {@code Date.now()}) stops advancing while scripts
 * run once the page has loaded, and idle waits are skipped, so times the page records after its
 * load event do not measure work. Over the protocol the page runs in real time and this side
 * polls it.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger();
  private final long launchedNanos;
  private final long readyNanos;

  private HeadlessChromium(
      Process process, Path profile, String endpoint, long launchedNanos) throws IOException {
    this.process = process;
    this.profile = profile;
    this.launchedNanos = launchedNanos;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(endpoint), new Replies())
            .join();
    this.readyNanos = System.nanoTime();
  }

  /**
   * Starts {@code binary} with a fresh profile and a {@code width × height} window, and returns
   * once its DevTools endpoint accepts commands.
   */
  static HeadlessChromium launch(Path binary, int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("optbench-chromium");
    long launched = System.nanoTime();
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + width + "," + height,
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        // Keep draining stderr so that the browser never blocks on a full pipe.
        Thread drain = new Thread(() -> err.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return new HeadlessChromium(process, profile, m.group(1), launched);
      }
    }
    process.destroyForcibly();
    throw new IOException(binary + " exited without a DevTools endpoint");
  }

  /** Seconds from launching the process until its DevTools endpoint took a connection. */
  double startSeconds() {
    return (readyNanos - launchedNanos) / 1e9;
  }

  /** Nanoseconds (System.nanoTime) when the process was launched. */
  long launchedNanos() {
    return launchedNanos;
  }

  /** Opens {@code url} in a new tab and returns the protocol session attached to it. */
  String open(String url) {
    String target = command(null, "Target.createTarget", JSON.createObjectNode().put("url", url))
        .get("targetId").asText();
    return command(
            null,
            "Target.attachToTarget",
            JSON.createObjectNode().put("targetId", target).put("flatten", true))
        .get("sessionId")
        .asText();
  }

  /**
   * The value of the JavaScript {@code expression} in the page of {@code session}, or a JSON null
   * when it threw (e.g. while the page is still navigating).
   */
  JsonNode evaluate(String session, String expression) {
    JsonNode result =
        command(
            session,
            "Runtime.evaluate",
            JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      return JSON.nullNode();
    }
    JsonNode value = result.path("result").path("value");
    return value.isMissingNode() ? JSON.nullNode() : value;
  }

  /**
   * Polls {@code expression} every {@code pollMillis} until it is neither null nor undefined.
   *
   * @return its value
   * @throws IllegalStateException after {@code timeout}
   */
  JsonNode await(String session, String expression, int pollMillis, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode value = evaluate(session, expression);
      if (!value.isNull()) {
        return value;
      }
      Thread.sleep(pollMillis);
    }
    throw new IllegalStateException("no value for " + expression + " within " + timeout);
  }

  private JsonNode command(String session, String method, ObjectNode params) {
    int id = nextId.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    socket.sendText(message.toString(), true).join();
    JsonNode answer = reply.orTimeout(120, TimeUnit.SECONDS).join();
    if (answer.has("error")) {
      throw new IllegalStateException(method + ": " + answer.get("error"));
    }
    return answer.path("result");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    // The browser's helper processes may still write a file or two into the profile as they exit.
    for (int attempt = 0; attempt < 20 && Files.exists(profile); attempt++) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a file vanished while walking: walk again
      }
      if (Files.exists(profile)) {
        Thread.sleep(50);
      }
    }
  }

  /** Completes the future of each command reply; events (messages without an id) are ignored. */
  private final class Replies implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          CompletableFuture<JsonNode> reply = replies.remove(message.path("id").asInt(-1));
          if (reply != null) {
            reply.complete(message);
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        } finally {
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
