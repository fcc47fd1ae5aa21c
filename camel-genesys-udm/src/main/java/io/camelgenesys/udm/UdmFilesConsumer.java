package io.camelgenesys.udm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.camelgenesys.core.GenesysApiException;
import io.camelgenesys.core.GenesysOutputType;
import io.camelgenesys.core.GenesysPollConsumer;
import io.camelgenesys.core.http.GenesysErrors;
import io.camelgenesys.core.operation.OperationCall;
import io.camelgenesys.core.operation.OperationContext;
import io.camelgenesys.core.operation.OperationResult;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.Paging;
import io.camelgenesys.core.operation.RedirectDownload;
import io.camelgenesys.udm.model.FileMetadata;
import io.camelgenesys.udm.model.PagedResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("genesys-udm:files?...")}: every new export file once, downloaded.
 * <p>
 * Each poll lists the file metadata ({@code GET /v10/file-metadatas}) with the endpoint's filters (jobTitle,
 * historyId, type, source, name, startDate, endDate), every page, in upload order, each page from the newest file
 * done rather than at an offset (see {@link #list()}). A file whose name is neither in the
 * {@link IdempotentRepository} nor being processed is downloaded ({@code downloadFile}: the 303 followed without
 * credentials, the body a stream, or a file in {@code downloadDirectory}) and sent to the route. Its name is added to
 * the repository only when its exchange <b>completed successfully</b>: a failed route, or a download that failed,
 * leaves it to the next poll, so nothing is lost (a file gone before its download, 404, is skipped with a WARN: there is
 * nothing left to download); a restart with a persistent repository (a
 * {@code FileIdempotentRepository}, a JDBC one) downloads nothing twice. With {@code deleteAfterDownload} the file is
 * then deleted from Genesys, once the listing in progress has ended (a delete in the middle of the offset-paged
 * listing would make its next page skip a file).
 * <p>
 * Later polls start at the upload date up to which every file listed is done ({@code startDate}, inclusive, so files
 * uploaded in the same millisecond are not missed), so the listing does not grow with the history. The poll thread
 * waits for each download's headers (a Jetty thread completes them) and runs the route; nothing runs on a Jetty
 * thread.
 */
public class UdmFilesConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UdmFilesConsumer.class);

    /** File names an in-memory repository remembers when none is configured. */
    static final int DEFAULT_CACHE_SIZE = 10_000;

    private final UdmEndpoint endpoint;
    /** Files sent to a route that has not completed yet: not emitted again meanwhile. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private IdempotentRepository repository;
    private boolean ownRepository;
    /**
     * deleteAfterDownload: a file deleted while a listing pages through file-metadatas shifts every later file one
     * offset down ({@code from}/{@code size} paging), and the next page would skip as many files as were deleted,
     * files that later polls, starting after the watermark, would never list. So deletes wait for the listing in
     * progress to end. Guarded by {@code deletes}.
     */
    private final Object deletes = new Object();
    private final List<String> deferred = new ArrayList<>();
    private boolean listingInProgress;
    /** Where the next listing starts (startDate, inclusive): every file before it is done. */
    private volatile String since;
    /**
     * A request from a date did not list the file done at that date again (startDate exclusive, or the file deleted):
     * the listings page by offset from then on, as they did before pages were asked for by date.
     */
    private volatile boolean offsetOnly;

    public UdmFilesConsumer(UdmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /** The repository of processed file names in use. */
    public IdempotentRepository getIdempotentRepository() {
        return repository;
    }

    /** Deletes waiting for the listing in progress to end. */
    int deferredDeletes() {
        synchronized (deletes) {
            return deferred.size();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.getExecutor(); // the shared connection is acquired now, when something uses it
        repository = endpoint.getConfiguration().getIdempotentRepository();
        ownRepository = repository == null;
        if (ownRepository) {
            repository = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_CACHE_SIZE);
        }
        ServiceHelper.startService(repository);
    }

    @Override
    protected void doStop() throws Exception {
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    @Override
    protected int poll() throws Exception {
        synchronized (deletes) {
            listingInProgress = true;
        }
        try {
            return list();
        } finally {
            List<String> now;
            synchronized (deletes) {
                listingInProgress = false;
                now = new ArrayList<>(deferred);
                deferred.clear();
            }
            now.forEach(this::delete);
        }
    }

    /**
     * Lists and processes the files, page by page, by upload date: each next request starts at the newest file done
     * ({@code startDate}, inclusive, {@code from=0}) rather than at an offset. An offset is shifted by every file
     * deleted meanwhile before it (by another route, a person, the retention of exports): the next page would skip
     * as many files, and the watermark, past them by the end of the poll, would keep every later poll from listing
     * them. Only when that cannot move on (a file not done, or a page of files all at the start date) does the rest
     * of the poll page by offset, and then the watermark stays where it was, so that a file an offset skipped is
     * listed again next poll.
     * <p>
     * The seed does not say whether {@code startDate} includes files of that very date (002 L10390). A request from a
     * date must list again the file done at that date; when it does not (the bound is exclusive, or the file was
     * deleted meanwhile), files of that date after it may be missing from the answer: the rest of the poll pages by
     * offset and the next poll starts at the last date that was confirmed.
     */
    private int list() throws Exception {
        boolean keyset = !offsetOnly;
        boolean byOffset = !keyset;
        // the watermark no longer moves in this poll (keyset paging could not go on)
        boolean frozen = false;
        String start = since;
        long offset = 0;
        // items listed from `start` so far, and the start and count before the last move (to go back to)
        long listed = 0;
        String previousStart = null;
        long previousListed = 0;
        // the file done at `start` that the request from `start` must list again; null when there is nothing to check
        String startFile = null;
        // the newest start a request confirmed (listed its file again): every file before it is done
        String confirmed = since;
        boolean unconfirmed = false;
        String watermark = since;
        String watermarkFile = null;
        boolean allDone = true;
        int emitted = 0;
        while (isRunAllowed()) {
            OperationCall call = endpoint.support().context(endpoint.createExchange()).call().pageAll(false)
                    .outputType(GenesysOutputType.model);
            call.query("orderField", "uploadDate");
            call.query("descAsc", "false");
            if (start != null) {
                // every file listed before this date is done; the user's startDate is earlier, since those matched it
                call.query("startDate", start);
            }
            call.query("from", offset);
            long size = size(call);
            List<?> items = page(call);
            if (startFile != null) {
                String expected = startFile;
                startFile = null;
                if (items.stream().noneMatch(i -> expected.equals(((FileMetadata) i).getName()))) {
                    // not listed again: back to the previous start, by offset from where it was, for this poll and
                    // the later ones; the next poll starts at the last confirmed date
                    offsetOnly = true;
                    unconfirmed = true;
                    frozen = true;
                    byOffset = true;
                    start = previousStart;
                    offset = previousListed;
                    listed = previousListed;
                    continue;
                }
                confirmed = start;
            }
            listed += items.size();
            for (Object item : items) {
                if (!isRunAllowed()) {
                    break;
                }
                FileMetadata file = (FileMetadata) item;
                String name = file.getName();
                if (name == null || name.isBlank()) {
                    continue;
                }
                boolean done = repository.contains(name);
                if (!done && inFlight.add(name)) {
                    emitted++;
                    process(file);
                    done = repository.contains(name);
                }
                if (allDone && done) {
                    if (!frozen && file.getUploadDate() != null) {
                        watermark = file.getUploadDate();
                        watermarkFile = name;
                    }
                } else {
                    allDone = false;
                }
            }
            if (items.size() < size) {
                break;
            }
            if (!byOffset && allDone && !java.util.Objects.equals(watermark, start)) {
                previousStart = start;
                previousListed = listed;
                start = watermark;
                startFile = watermarkFile;
                offset = 0;
                listed = 0;
            } else {
                if (!byOffset) {
                    frozen = true;
                }
                byOffset = true;
                offset = listed;
            }
        }
        since = unconfirmed ? confirmed : watermark;
        return emitted;
    }

    /** The page size the call asks for (the pageSize option, else core's default). */
    private static long size(OperationCall call) {
        String size = call.queryView().get("size");
        try {
            return size == null ? Paging.OffsetPaging.DEFAULT_SIZE : Math.max(1, Long.parseLong(size));
        } catch (NumberFormatException e) {
            return Paging.OffsetPaging.DEFAULT_SIZE;
        }
    }

    /** One page of file metadata (a 204 or a page without items is empty). */
    private List<?> page(OperationCall call) throws Exception {
        Object body;
        try {
            body = endpoint.getExecutor().execute(call).join().body();
        } catch (CompletionException e) {
            throw GenesysPollConsumer.asException(GenesysErrors.unwrap(e));
        }
        return body instanceof PagedResponse<?> page && page.getItems() != null ? page.getItems() : List.of();
    }

    /** Downloads one file and runs the route with it; its name goes to the repository when the exchange succeeds. */
    private void process(FileMetadata file) {
        String name = file.getName();
        Exchange exchange = createExchange(false);
        OperationSpec spec = endpoint.support().spec(UdmOperation.downloadFile);
        OperationContext context = new OperationContext(endpoint.support(), UdmOperation.downloadFile, spec, exchange);
        OperationCall download = context.callOf(spec).pathParam("filename", name);
        OperationResult result;
        try {
            result = ((RedirectDownload) spec.execution()).execute(context, download).join();
        } catch (CompletionException | IllegalArgumentException e) {
            Throwable cause = GenesysErrors.unwrap(e);
            if (cause instanceof GenesysApiException gone && gone.getHttpStatus() == 404) {
                // listed, then gone before its download (deleted by another route or a person, the retention of
                // exports): Genesys answers "404 File Not Found" (v3 002 L12121; v10 404, L10594-10596) or the storage
                // host NoSuchKey. Nothing is left to download: done and skipped, as camel-file skips a file gone
                // before it was read. Tried again, it would be every poll, holding the watermark before it for good
                try {
                    repository.add(name);
                    repository.confirm(name);
                } finally {
                    inFlight.remove(name);
                }
                LOG.warn("The export file {} was listed but is gone (HTTP 404: deleted, or removed by retention)"
                         + " before it could be downloaded; skipped: {}", name, gone.getMessage());
                return;
            }
            inFlight.remove(name);
            getExceptionHandler().handleException("Downloading the export file " + name + " failed; the next poll"
                                                  + " tries again", exchange, cause);
            return;
        }
        Message message = exchange.getMessage();
        message.setBody(result.body());
        result.headers().forEach(message::setHeader);
        message.setHeader(UdmConstants.FILE, file);
        exchange.getExchangeExtension().addOnCompletion(new Done(name));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Processing the export file " + name + " failed; the next poll"
                                                  + " tries again", exchange, exchange.getException());
        }
    }

    /** deleteAfterDownload: deletes a processed file from Genesys (in the background). */
    private void delete(String name) {
        OperationSpec spec = endpoint.support().spec(UdmOperation.deleteFile);
        OperationCall call = endpoint.support().bareCall(spec).pathParam("filename", name);
        endpoint.getExecutor().execute(call).whenComplete((r, failure) -> {
            if (failure != null) {
                // processed all the same: the repository keeps it from being downloaded again
                LOG.warn("Deleting the export file {} from Genesys after its route completed failed: {}", name,
                        GenesysErrors.unwrap(failure).getMessage());
            }
        });
    }

    /** Marks a file done when its exchange succeeded, and only then; deletes it from Genesys when asked to. */
    private final class Done extends SynchronizationAdapter {
        private final String name;

        Done(String name) {
            this.name = name;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                repository.add(name);
                repository.confirm(name);
            } finally {
                inFlight.remove(name);
            }
            if (endpoint.getConfiguration().isDeleteAfterDownload()) {
                synchronized (deletes) {
                    if (listingInProgress) {
                        deferred.add(name);
                        return;
                    }
                }
                delete(name);
            }
        }

        @Override
        public void onFailure(Exchange exchange) {
            inFlight.remove(name);
        }

        @Override
        public String toString() {
            return "genesys-udm files: done " + name;
        }
    }
}
