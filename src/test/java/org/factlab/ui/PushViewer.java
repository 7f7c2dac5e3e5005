package org.factlab.ui;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One viewer of a run page at the level of Vaadin's wire protocol, without a browser: its own HTTP session, the
 * Flow bootstrap request ({@code ?v-r=init}), the {@code ui-navigate} event that makes the server build the
 * {@code RunView} of that UI, then Atmosphere's websocket at {@code VAADIN/push} on which the server pushes the
 * view's live updates (UIDL messages, framed {@code <length>|<json>}). Counts the pushes, their bytes, the longest
 * silence between two, and errors.
 */
public final class PushViewer implements WebSocket.Listener {

    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\":\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    private final StringBuilder frame = new StringBuilder();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile long lastUpdateNanos;
    private volatile long longestGapNanos;
    private volatile String firstError;
    private WebSocket socket;

    /** Opens {@code /runs/{runId}} on the server at {@code base} (e.g. http://localhost:8080) and connects push. */
    public void open(String base, String runId) throws Exception {
        String location = URLEncoder.encode("runs/" + runId, StandardCharsets.UTF_8);
        String init = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location=" + location + "&query="))
                .GET());
        String pushId = group(PUSH_ID, init);
        String navigate = "{\"csrfToken\":\"" + group(CSRF, init) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"runs/" + runId
                + "\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":null,\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        String view = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)));
        if (!view.contains("run-status")) {
            throw new IllegalStateException(
                    "the server did not build the run view: " + view.substring(0, Math.min(300, view.length())));
        }
        String push = base.replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=0&v-pushId=" + pushId
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&X-atmo-protocol=true";
        String cookie = cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
        lastUpdateNanos = System.nanoTime();
        socket = http.newWebSocketBuilder()
                .header("Cookie", cookie)
                .buildAsync(URI.create(push), this)
                .get(60, TimeUnit.SECONDS);
    }

    /** Starts measuring from now (updates, bytes and gaps so far are dropped). */
    public void resetCounters() {
        updates.set(0);
        bytes.set(0);
        longestGapNanos = 0;
        lastUpdateNanos = System.nanoTime();
    }

    public long updates() {
        return updates.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long errors() {
        return errors.get();
    }

    public String firstError() {
        return firstError;
    }

    /** The longest time without an update, up to now. */
    public Duration longestGap() {
        return Duration.ofNanos(Math.max(longestGapNanos, System.nanoTime() - lastUpdateNanos));
    }

    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        frame.append(data);
        if (last) {
            String message = frame.toString();
            frame.setLength(0);
            if (message.contains("\"changes\"")) {
                long now = System.nanoTime();
                longestGapNanos = Math.max(longestGapNanos, now - lastUpdateNanos);
                lastUpdateNanos = now;
                updates.incrementAndGet();
                bytes.addAndGet(message.length());
            }
            if (message.contains("\"appError\"") || message.contains("v-system-error")) {
                error("server error pushed: " + message.substring(0, Math.min(300, message.length())));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        error(error.toString());
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (statusCode != WebSocket.NORMAL_CLOSURE) {
            error("push closed by the server: " + statusCode + " " + reason);
        }
        return null;
    }

    private void error(String what) {
        if (errors.incrementAndGet() == 1) {
            firstError = what;
        }
    }

    private String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r =
                http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in the bootstrap response");
        }
        return m.group(1);
    }
}
