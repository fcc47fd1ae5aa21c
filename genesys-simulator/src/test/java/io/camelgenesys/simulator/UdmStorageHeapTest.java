package io.camelgenesys.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.junit.jupiter.api.Test;

import static io.camelgenesys.simulator.TestHttp.basic;
import static io.camelgenesys.simulator.TestHttp.body;
import static io.camelgenesys.simulator.TestHttp.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1 GiB export served by the standalone simulator running in a JVM limited to a 32 MiB heap: the storage host
 * streams generated content, it never holds a file. Black box: the child is driven only over HTTP (admin, token,
 * the 303, the pre-signed link).
 */
class UdmStorageHeapTest {

    static final long SIZE = 1024L * 1024 * 1024;

    @Test
    void aGibibyteFromA32MibHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx32m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), GenesysSimulatorMain.class.getName(),
                "--port", "0", "--stats-interval", "0")
                .redirectErrorStream(true).start();
        HttpClient client = new HttpClient();
        client.setFollowRedirects(false);
        try {
            String base = baseUrl(child);
            client.start();
            ContentResponse file = client.newRequest(base + "/simulator/udm/files").method("POST")
                    .body(new StringRequestContent("application/json", "{\"name\":\"huge.csv\",\"size\":" + SIZE + "}"))
                    .send();
            assertEquals(201, file.getStatus(), file.getContentAsString());

            ContentResponse tokenResponse = client.newRequest(base + "/auth/v3/oauth/token").method("POST")
                    .headers(h -> h.put("x-api-key", "mc-api-key").put("Authorization", basic("mc-client", "mc-secret")))
                    .body(new FormRequestContent(form("grant_type", "password", "username", "agent1", "password",
                            "agent1-password")))
                    .send();
            assertEquals(200, tokenResponse.getStatus(), tokenResponse.getContentAsString());
            String token = body(tokenResponse).get("access_token").asText();
            ContentResponse redirect = client.newRequest(base + "/udm/v10/files/huge.csv")
                    .headers(h -> h.put("x-api-key", "mc-api-key").put("Authorization", "Bearer " + token)).send();
            assertEquals(303, redirect.getStatus(), redirect.getContentAsString());

            // counted as it arrives, on the client's side too: neither side holds the file
            AtomicLong count = new AtomicLong();
            CompletableFuture<Result> done = new CompletableFuture<>();
            client.newRequest(redirect.getHeaders().get("Location"))
                    .timeout(5, TimeUnit.MINUTES)
                    .onResponseContent((r, chunk) -> count.addAndGet(chunk.remaining()))
                    .send(done::complete);
            Result result = done.get(5, TimeUnit.MINUTES);
            assertTrue(result.isSucceeded(), String.valueOf(result.getFailure()));
            assertEquals(200, result.getResponse().getStatus());
            assertEquals(String.valueOf(SIZE), result.getResponse().getHeaders().get("Content-Length"));
            assertEquals(SIZE, count.get());
            assertTrue(child.isAlive(), "the simulator survived the download");
        } finally {
            client.stop();
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** Reads the child's banner ("Genesys simulator listening on http://127.0.0.1:PORT"), then drains its output. */
    private static String baseUrl(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Pattern banner = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null;) {
            seen.append(line).append('\n');
            Matcher m = banner.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "simulator-child-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new AssertionError("The simulator did not start: " + List.of(seen.toString()));
    }
}
