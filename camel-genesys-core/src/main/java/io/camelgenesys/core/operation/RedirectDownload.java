package io.camelgenesys.core.operation;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.http.Download;
import io.camelgenesys.core.http.GenesysRequest;
import io.camelgenesys.core.http.StorageDownloads;

/**
 * The execution of an operation that Genesys answers with a redirect to a storage host (UDM's {@code downloadFile}:
 * {@code GET /v10/files/{filename}} answers 303): the request goes through the connection's pipeline (token, API key,
 * rate limit, retries); its {@code Location} is followed by the connection's {@link StorageDownloads}, without
 * credentials; the message body becomes a {@link io.camelgenesys.core.http.DownloadStream}, closed when the exchange
 * completes, or the {@link java.io.File} the download was written to. When the storage host refuses the link (403), a
 * new one is asked for with the same request, once per position the transfer reached.
 */
public final class RedirectDownload implements OperationExecution {

    private final String resourceParameter;
    private final Function<OperationContext, Path> directory;

    private RedirectDownload(String resourceParameter, Function<OperationContext, Path> directory) {
        this.resourceParameter = resourceParameter;
        this.directory = directory;
    }

    /**
     * @param resourceParameter the path variable or query parameter that names the file (for headers and messages)
     * @param directory         where to write the file instead of streaming it, per exchange; {@code null} (or a
     *                          function answering {@code null}) to stream
     */
    public static RedirectDownload of(String resourceParameter, Function<OperationContext, Path> directory) {
        return new RedirectDownload(resourceParameter, directory == null ? context -> null : directory);
    }

    @Override
    public CompletableFuture<OperationResult> execute(OperationContext context) {
        return execute(context, context.call());
    }

    /**
     * Downloads with a call built by the caller (a consumer that downloads each file it lists) rather than resolved
     * from the message; the exchange of {@code context} gets the stream's close.
     */
    public CompletableFuture<OperationResult> execute(OperationContext context, OperationCall call) {
        GenesysOperationExecutor executor = context.executor();
        GenesysRequest request = executor.request(call, call.query());
        String resource = call.pathParams().containsKey(resourceParameter) ? call.pathParams().get(resourceParameter)
                : call.query().get(resourceParameter);
        Path target = directory.apply(context);
        StorageDownloads downloads = executor.connection().downloads();
        Supplier<CompletableFuture<String>> relink = () -> executor.send(request)
                .thenApply(response -> link(downloads, request, response, resource));
        return executor.send(request)
                .thenCompose(response -> downloads.open(new StorageDownloads.Request(
                        link(downloads, request, response, resource), resource, target, call.retryPolicy(), relink)))
                .thenApply(download -> result(context, download));
    }

    private static String link(StorageDownloads downloads, GenesysRequest request,
                               io.camelgenesys.core.http.GenesysResponse response, String resource) {
        try {
            return downloads.location(request, response, resource);
        } catch (GenesysApiException e) {
            throw new CompletionException(e);
        }
    }

    /** The download as the operation's result; its stream is closed when the exchange completes. */
    public static OperationResult result(OperationContext context, Download download) {
        download.closeWhenDone(context.exchange());
        return new OperationResult(download.body(), download.headers());
    }
}
