package io.camelgenesys.conversations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysDownloadException;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.http.GenesysRequest;
import io.camelgenesys.core.http.GenesysResponse;
import io.camelgenesys.core.http.StorageDownloads;
import io.camelgenesys.core.operation.GenesysOperationExecutor;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationExecution;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.core.operation.RedirectDownload;

/**
 * downloadRecording: asks Genesys Cloud for the recording with a media format ({@code GET
 * /api/v2/conversations/{conversationId}/recordings/{recordingId}?download=true&formatId=...}, the SDK's
 * getConversationRecording) and downloads the media from the link Genesys gives: the {@code Location} of a redirect
 * (seed 000 describes a 307 to a pre-signed S3 URL) or the {@code mediaUris} of the Recording it answers (the SDK's
 * model). The link is followed by core's {@link StorageDownloads}: no credentials, streamed (or written to
 * {@code downloadDirectory}), never held in memory; when the storage host refuses the link (403, expired), a new one
 * is asked for once per position the transfer reached (a long transfer that outlives its link and breaks off more
 * than once gets a new link at each resume); a new link refused at the same position fails, naming the recording,
 * never the link.
 */
final class RecordingDownload implements OperationExecution {

    static final RecordingDownload INSTANCE = new RecordingDownload();

    private RecordingDownload() {
    }

    @Override
    public CompletableFuture<OperationResult> execute(OperationContext context) {
        OperationCall call = context.call();
        call.query().putIfAbsent("download", "true");
        GenesysOperationExecutor executor = context.executor();
        GenesysRequest request = executor.request(call, call.query());
        String recordingId = call.pathParams().get("recordingId");
        Object dir = context.option("downloadDirectory");
        Path target = dir == null || dir.toString().isBlank() ? null : Path.of(dir.toString());
        StorageDownloads downloads = executor.connection().downloads();
        String mediaKey = context.header(ConversationsConstants.MEDIA_URI_KEY, String.class);
        Supplier<CompletableFuture<String>> relink = () -> executor.send(request)
                .thenApply(response -> link(downloads, request, response, recordingId, mediaKey));
        return executor.send(request)
                .thenCompose(response -> downloads.open(new StorageDownloads.Request(
                        link(downloads, request, response, recordingId, mediaKey), recordingId, target,
                        call.retryPolicy(),
                        relink)))
                .thenApply(download -> RedirectDownload.result(context, download));
    }

    /**
     * The media link of the answer: a redirect's Location, or the {@code mediaUris} entry of a Recording: its only one,
     * or the one {@code mediaKey} names. The SDK's Recording.mediaUris is a map ("The different mediaUris for the
     * recording"); a recording with several entries (a screen recording: one per screen) is never reduced to one of
     * them silently: without a key it fails naming the keys, so nothing is lost unnoticed.
     */
    static String link(StorageDownloads downloads, GenesysRequest request, GenesysResponse response,
                       String recordingId, String mediaKey) {
        try {
            int status = response.status();
            if (status >= 300 && status < 400) {
                return downloads.location(request, response, recordingId);
            }
            if (status >= 400) {
                throw GenesysErrors.fromResponse(request, response);
            }
            if (status == 202) {
                // the SDK's Recording.estimatedTranscodeTimeMs, when the 202 carries it
                long estimate = -1;
                try {
                    estimate = response.hasBody() ? response.json().path("estimatedTranscodeTimeMs").asLong(-1) : -1;
                } catch (IOException | RuntimeException e) {
                    // no estimate to quote
                }
                throw new GenesysDownloadException("Genesys " + request.describe() + " answered 202: the recording "
                                                   + recordingId + " is still being transcoded to the requested format;"
                                                   + " try again later" + (estimate >= 0 ? " (Genesys estimates "
                                                   + estimate + " ms)" : ""),
                        recordingId, GenesysErrors.describe(request, response), null);
            }
            JsonNode recording;
            try {
                recording = response.json();
            } catch (IOException e) {
                throw GenesysErrors.malformed(request, response, e);
            }
            Map<String, String> links = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = recording.path("mediaUris").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String uri = entry.getValue().path("mediaUri").asText("");
                if (!uri.isBlank()) {
                    links.put(entry.getKey(), uri);
                }
            }
            if (mediaKey != null && !mediaKey.isBlank()) {
                String uri = links.get(mediaKey);
                if (uri == null) {
                    throw new GenesysDownloadException("Genesys " + request.describe() + " gave no media link under"
                                                       + " the key " + mediaKey + " (header "
                                                       + ConversationsConstants.MEDIA_URI_KEY + ") for the recording "
                                                       + recordingId + "; its mediaUris keys are " + links.keySet(),
                            recordingId, GenesysErrors.describe(request, response), null);
                }
                return uri;
            }
            if (links.size() > 1) {
                throw new GenesysDownloadException("the recording " + recordingId + " has " + links.size()
                                                   + " media entries (mediaUris keys " + links.keySet() + "), not one;"
                                                   + " nothing was downloaded: set the header "
                                                   + ConversationsConstants.MEDIA_URI_KEY + " to download each",
                        recordingId, GenesysErrors.describe(request, response), null);
            }
            if (links.size() == 1) {
                return links.values().iterator().next();
            }
            throw new GenesysDownloadException("Genesys " + request.describe() + " gave no media link for the recording "
                                               + recordingId + " (fileState " + recording.path("fileState").asText("?")
                                               + "; formatId NONE gives none, and an archived recording must be"
                                               + " restored first)", recordingId,
                    GenesysErrors.describe(request, response), null);
        } catch (GenesysApiException e) {
            throw new CompletionException(e);
        }
    }
}
