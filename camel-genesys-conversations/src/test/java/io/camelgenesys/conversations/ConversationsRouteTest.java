package io.camelgenesys.conversations;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.conversations.model.Conversation;
import io.camelgenesys.conversations.model.Recording;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysDownloadException;
import io.camelgenesys.core.http.DownloadStream;
import io.camelgenesys.core.test.LogCapture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * genesys-conversations through routes: list, get, the conversation details query, recording metadata, and the
 * recording media downloaded from the link Genesys gives (mediaUris, or a 307 as seed 000 describes) without
 * credentials, streamed or written to a folder; an expired link, a recording without media, unknown ids.
 */
class ConversationsRouteTest extends CloudTestSupport {

    @TempDir
    Path out;

    private LogCapture logs;

    @AfterEach
    void release() {
        if (logs != null) {
            logs.uninstall();
        }
    }

    private String conversation(long... sizes) {
        String agent = cloud().seedUsers(1).get(0);
        return cloud().addConversation(agent, sizes);
    }

    @Test
    void listAndGetAnswerConversationsWithTheirParticipants() throws Exception {
        String id = conversation(1000);
        List<?> all = body("conversations", "list", "", null, List.class);
        assertEquals(1, all.size());
        Conversation c = assertInstanceOf(Conversation.class, all.get(0));
        assertEquals(id, c.getId());
        Conversation got = body("conversations", "get", "conversationId=" + id, null, Conversation.class);
        assertEquals(id, got.getId());
        assertEquals(List.of("customer", "agent"), got.getParticipants().stream().map(p -> p.getPurpose()).toList());
        assertEquals(0, body("conversations", "list", "communicationType=chat", null, List.class).size());
    }

    @Test
    void anUnknownConversationIs404FromGenesys() throws Exception {
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("conversations", "get", "conversationId=nope", null));
        assertEquals(404, e.getHttpStatus());
    }

    @Test
    void searchSendsTheConversationQueryAndAnswersTheHits() throws Exception {
        conversation();
        conversation();
        String interval = Instant.now().minus(Duration.ofHours(1)) + "/" + Instant.now().plus(Duration.ofHours(1));
        JsonNode hits = body("conversations", "search", "", Map.of("interval", interval, "order", "desc",
                "paging", Map.of("pageSize", 1, "pageNumber", 2)), JsonNode.class);
        assertEquals(2, hits.get("totalHits").asInt());
        assertEquals(1, hits.get("conversations").size());
    }

    /**
     * ConversationQuery.order is asc, desc or unordered in the SDK (OrderEnum of the Java SDK 198.1.0,
     * contract/conversations.json): an unordered query goes to Genesys. The contract check found the component
     * refusing "unordered" before sending.
     */
    @Test
    void searchTakesEveryOrderTheSdkHas() throws Exception {
        conversation();
        String interval = Instant.now().minus(Duration.ofHours(1)) + "/" + Instant.now().plus(Duration.ofHours(1));
        for (String order : List.of("asc", "desc", "unordered")) {
            JsonNode hits = body("conversations", "search", "", Map.of("interval", interval, "order", order),
                    JsonNode.class);
            assertEquals(1, hits.get("totalHits").asInt(), order);
        }
        assertEquals(3, sim().requests().count("POST", V2 + "/analytics/conversations/details/query"));
    }

    @Test
    void searchFiltersByQueueAndInterval() throws Exception {
        List<String> agents = cloud().seedUsers(2);
        String sales = cloud().addQueue(List.of(agents.get(0)));
        String support = cloud().addQueue(List.of(agents.get(1)));
        Instant dayBefore = Instant.now().minus(Duration.ofDays(1));
        String yesterdaySales = cloud().addConversation(agents.get(0), sales, dayBefore);
        cloud().addConversation(agents.get(1), support, dayBefore);
        cloud().addConversation(agents.get(0), sales, Instant.now().minus(Duration.ofMinutes(1)));
        String interval = dayBefore.minus(Duration.ofHours(1)) + "/" + dayBefore.plus(Duration.ofHours(1));
        JsonNode hits = body("conversations", "search", "", Map.of("interval", interval, "segmentFilters",
                List.of(Map.of("type", "and", "predicates", List.of(Map.of("dimension", "queueId", "value", sales))))),
                JsonNode.class);
        assertEquals(1, hits.get("totalHits").asInt());
        assertEquals(yesterdaySales, hits.get("conversations").get(0).get("conversationId").asText());
        GenesysApiException e = assertInstanceOf(GenesysApiException.class, failure("conversations", "search", "",
                Map.of("interval", "yesterday")));
        assertEquals(400, e.getHttpStatus());
    }

    @Test
    void searchWithoutAnIntervalIsRefusedBeforeAnythingIsSent() throws Exception {
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class,
                failure("conversations", "search", "", Map.of("order", "sideways")));
        assertTrue(e.getMessage().contains("interval"), e.getMessage());
        assertTrue(e.getMessage().contains("order"), e.getMessage());
        assertEquals(0, sim().requests().count("POST", V2 + "/analytics/conversations/details/query"));
    }

    @Test
    void recordingMetadataListsAndGetsWithTheirMediaLinks() throws Exception {
        String id = conversation(500, 700);
        List<?> recordings = body("conversations", "listRecordings", "conversationId=" + id, null, List.class);
        assertEquals(2, recordings.size());
        Recording first = assertInstanceOf(Recording.class, recordings.get(0));
        assertEquals("AVAILABLE", first.getFileState());
        Recording got = body("conversations", "getRecording", "conversationId=" + id + "&recordingId=" + first.getId()
                                                               + "&formatId=MP3", null, Recording.class);
        assertEquals(500, got.getOutputSizeInBytes());
        assertTrue(got.getMediaUris().get("S").getMediaUri().startsWith(cloud().storageUrl()));
    }

    @Test
    void theMediaStreamsFromStorageWithoutCredentials() throws Exception {
        String id = conversation(3 * 1024 * 1024 + 5);
        String rid = cloud().recordingIds(id).get(0);
        AtomicReference<Object> seen = new AtomicReference<>();
        AtomicReference<byte[]> read = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:media").to(uri("conversations", "downloadRecording", "formatId=WAV"))
                        .process(e -> {
                            seen.set(e.getMessage().getBody());
                            read.set(e.getMessage().getBody(InputStream.class).readAllBytes());
                        });
            }
        });
        Exchange done = template.request("direct:media", e -> {
            e.getMessage().setHeader(ConversationsConstants.CONVERSATION_ID, id);
            e.getMessage().setHeader(ConversationsConstants.RECORDING_ID, rid);
        });
        assertNull(done.getException());
        DownloadStream stream = assertInstanceOf(DownloadStream.class, seen.get());
        assertTrue(stream.isClosed(), "closed when the exchange completed");
        assertEquals(3 * 1024 * 1024 + 5, read.get().length);
        assertEquals(3L * 1024 * 1024 + 5, done.getMessage().getHeader(ConversationsConstants.DOWNLOAD_SIZE));
        assertEquals(rid, done.getMessage().getHeader(ConversationsConstants.DOWNLOAD_FILE_NAME));
        assertNotNull(done.getMessage().getHeader(ConversationsConstants.DOWNLOAD_ETAG));
        assertArrayEquals(cloud().mediaBytes(rid, 4096), Arrays.copyOf(read.get(), 4096));
        String recording = V2 + "/conversations/*/recordings/*";
        assertNotNull(sim().requests().lastHeader(recording, "Authorization"), "Genesys got the token");
        assertEquals(1, sim().requests().count("GET", "/recordings-media/**"));
        assertNull(sim().requests().lastHeader("/recordings-media/**", "Authorization"), "storage got no token");
    }

    @Test
    void theSeedsRedirectIsFollowedTooAndDownloadDirectoryWritesAFile() throws Exception {
        cloud().redirectDownloads(true);
        String id = conversation(200_003);
        String rid = cloud().recordingIds(id).get(0);
        Path dir = out.resolve("recordings");
        File written = body("conversations", "downloadRecording", "conversationId=" + id + "&recordingId=" + rid
                                                                   + "&downloadDirectory=" + dir, null, File.class);
        assertEquals(dir.resolve(rid).toFile(), written);
        assertEquals(200_003, Files.size(written.toPath()));
        assertArrayEquals(cloud().mediaBytes(rid, 1000), Arrays.copyOf(Files.readAllBytes(written.toPath()), 1000));
        assertNull(sim().requests().lastHeader("/recordings-media/**", "Authorization"));
    }

    @Test
    void anExpiredLinkFailsNamingTheRecordingAndNeverTheLink() throws Exception {
        logs = LogCapture.install();
        String id = conversation(1000);
        String rid = cloud().recordingIds(id).get(0);
        // every link expires before the storage host looks at it, the one asked for again after the 403 included
        cloud().recordingLinkLifetime(Duration.ofMillis(1));
        sim().faults().on("GET", "/recordings-media/**").delay(Duration.ofMillis(30)).times(2);
        GenesysDownloadException e = assertInstanceOf(GenesysDownloadException.class,
                failure("conversations", "downloadRecording", "conversationId=" + id + "&recordingId=" + rid, null));
        assertEquals(403, e.getHttpStatus());
        assertEquals(rid, e.getResource());
        assertTrue(e.getMessage().contains("Request has expired"), e.getMessage());
        assertFalse(e.getMessage().contains("signature"), e.getMessage());
        assertEquals(2, sim().requests().count("GET", V2 + "/conversations/*/recordings/*"), "one new link asked for");
        for (LogCapture.Captured c : logs.events()) {
            assertFalse(c.all().contains("signature="), c.all());
        }
    }

    @Test
    void aRecordingAskedForWithoutMediaIsAClearError() throws Exception {
        String id = conversation(1000);
        String rid = cloud().recordingIds(id).get(0);
        GenesysDownloadException e = assertInstanceOf(GenesysDownloadException.class,
                failure("conversations", "downloadRecording", "conversationId=" + id + "&recordingId=" + rid
                                                              + "&formatId=NONE", null));
        assertTrue(e.getMessage().contains("gave no media link for the recording " + rid), e.getMessage());
        assertEquals(0, sim().requests().count("GET", "/recordings-media/**"));
    }

    @Test
    void aRecordingWithSeveralMediaEntriesIsNotReducedToOneSilently() throws Exception {
        cloud().mediaEntries(2);
        String id = conversation(1000);
        String rid = cloud().recordingIds(id).get(0);
        GenesysDownloadException e = assertInstanceOf(GenesysDownloadException.class,
                failure("conversations", "downloadRecording", "conversationId=" + id + "&recordingId=" + rid, null));
        assertTrue(e.getMessage().contains("2 media entries (mediaUris keys [0, 1])"), e.getMessage());
        assertTrue(e.getMessage().contains(ConversationsConstants.MEDIA_URI_KEY), e.getMessage());
        assertEquals(0, sim().requests().count("GET", "/recordings-media/**"), "nothing downloaded");
        // each entry is downloaded by its key
        AtomicReference<byte[]> read = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:part").to(uri("conversations", "downloadRecording", "conversationId=" + id
                                                                                 + "&recordingId=" + rid))
                        .process(x -> read.set(x.getMessage().getBody(InputStream.class).readAllBytes()));
            }
        });
        for (String key : List.of("0", "1")) {
            read.set(null);
            Exchange done = template.request("direct:part",
                    x -> x.getMessage().setHeader(ConversationsConstants.MEDIA_URI_KEY, key));
            assertNull(done.getException());
            assertArrayEquals(cloud().mediaBytes(rid, 1000), read.get());
        }
        assertEquals(2, sim().requests().count("GET", "/recordings-media/**"));
        GenesysDownloadException unknown = assertInstanceOf(GenesysDownloadException.class,
                template.request(uri("conversations", "downloadRecording", "conversationId=" + id + "&recordingId="
                                                                           + rid),
                        x -> x.getMessage().setHeader(ConversationsConstants.MEDIA_URI_KEY, "7")).getException());
        assertTrue(unknown.getMessage().contains("under the key 7"), unknown.getMessage());
    }

    @Test
    void anUnknownRecordingIs404FromGenesysAndAMissingIdIsNamed() throws Exception {
        String id = conversation(10);
        GenesysApiException e = assertInstanceOf(GenesysApiException.class,
                failure("conversations", "downloadRecording", "conversationId=" + id + "&recordingId=nope", null));
        assertEquals(404, e.getHttpStatus());
        IllegalArgumentException missing = assertInstanceOf(IllegalArgumentException.class,
                failure("conversations", "downloadRecording", "conversationId=" + id, null));
        assertTrue(missing.getMessage().contains("CamelGenesysRecordingId"), missing.getMessage());
    }
}
