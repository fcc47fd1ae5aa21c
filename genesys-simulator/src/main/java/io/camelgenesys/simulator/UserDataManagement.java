package io.camelgenesys.simulator;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Multicloud CX User Data Management service (seed 002, "User Data Management API", v10 from L8671): export
 * jobs and their runs (the export history), the files the runs produce, the certificate, and the storage host that
 * serves the files behind pre-signed, expiring links.
 * <p>
 * <b>Jobs.</b> A job is created {@code immediately} (it runs at once), for a {@code startDate} (it runs then), or
 * with a {@code cron} (each run is started by {@link #trigger(int)}: the simulator does not evaluate cron
 * expressions). Each run is a history record with its own id; its progress goes from 0 to 100 in steps of
 * {@value #PROGRESS_STEP} on a scheduler, one run taking {@link #setRunDuration(Duration) runDuration} (or, with a
 * zero duration, only when {@link #advance(int, int)} says). At 100 the run's files exist: progress 100 is the
 * completion signal, and the files are listed before any reader sees it. A job is unfinished while it is scheduled,
 * running or suspended: only then can it be cancelled, suspended or resumed; only a finished one (completed,
 * cancelled, failed) can be deleted; only one that has not started can be updated.
 * <p>
 * <b>Status names.</b> The seed never lists them; the simulator serves them from {@code /udm/v10/data/job-statuses}
 * and a test can rename them ({@link #setStatusName}) so that no client hard-codes one.
 * <p>
 * Thread-safe: one lock guards the state; the scheduler thread runs while the simulator does.
 */
public final class UserDataManagement {

    /** The base path of the v10 API (seed base path {@code /udm}). */
    public static final String BASE_PATH = "/udm/v10";
    public static final Duration DEFAULT_RUN_DURATION = Duration.ofSeconds(1);
    /** The bytes one run exports (before {@code fileSplitSize} splits them). */
    public static final long DEFAULT_EXPORT_SIZE = 256 * 1024;
    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofMinutes(15);
    /** The progress a run makes per scheduler tick. */
    public static final int PROGRESS_STEP = 10;
    /** A run never produces more files than this, whatever its {@code fileSplitSize}. */
    public static final int MAX_FILES_PER_RUN = 1000;
    /** Job and history ids come from different ranges, so that a client mixing them up gets a 404. */
    static final int FIRST_JOB_ID = 101;
    static final int FIRST_HISTORY_ID = 5001;
    /** How often scheduled starts are checked while progress is manual. */
    private static final Duration IDLE_TICK = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(UserDataManagement.class);

    /** The states of a job and of a run; their names on the wire are {@link #statusName(JobState) configurable}. */
    public enum JobState {
        /** Waiting for its start date, its next cron run or a resume. */
        SCHEDULED("Scheduled"),
        RUNNING("InProgress"),
        SUSPENDED("Suspended"),
        COMPLETED("Completed"),
        CANCELLED("Cancelled"),
        FAILED("Failed");

        private final String defaultName;

        JobState(String defaultName) {
            this.defaultName = defaultName;
        }

        /** @return the name served until {@link #setStatusName} changes it */
        public String defaultName() {
            return defaultName;
        }

        /** @return whether the job or run is over: completed, cancelled or failed */
        public boolean isFinished() {
            return this == COMPLETED || this == CANCELLED || this == FAILED;
        }
    }

    static final class Job {
        final int id;
        final Instant created;
        UdmJobSpec spec;
        JobState state;
        /** When a scheduled job starts its next run; {@code null} when it waits for a trigger or a resume. */
        Instant nextRunAt;
        int runsStarted;
        Run latest;

        Job(int id, UdmJobSpec spec, Instant created) {
            this.id = id;
            this.spec = spec;
            this.created = created;
        }
    }

    /** One run of a job: a history record. */
    static final class Run {
        final int id;
        final Job job;
        final UdmJobSpec spec;
        final Instant started;
        JobState state = JobState.RUNNING;
        int progress;
        final List<String> files = new ArrayList<>();
        long fileSize;

        Run(int id, Job job, Instant started) {
            this.id = id;
            this.job = job;
            this.spec = job.spec;
            this.started = started;
        }
    }

    /** A job as {@code GET /export/jobs} lists it, with what its filters need beyond the {@code JobInfo}. */
    record JobEntry(ObjectNode info, String scheduleType, boolean suspended) {
    }

    private final Object lock = new Object();
    private final UdmStorage storage;
    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final Map<Integer, Run> runs = new LinkedHashMap<>();
    private final Map<String, UdmFile> files = new LinkedHashMap<>();
    private final Map<JobState, String> statusNames = new EnumMap<>(JobState.class);
    private ObjectNode certificate;
    private String ccid = "simulator-ccid";
    private boolean countIsPageLength;
    private boolean startDateExclusive;
    private int nextJobId = FIRST_JOB_ID;
    private int nextHistoryId = FIRST_HISTORY_ID;
    private Duration runDuration = DEFAULT_RUN_DURATION;
    private long exportSize = DEFAULT_EXPORT_SIZE;

    private boolean running;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> ticker;
    /** Bumped whenever the ticker is re-armed, so that a tick already running for an old one does nothing. */
    private long tickerEpoch;

    UserDataManagement(Faults faults, Requests requests) {
        this.storage = new UdmStorage(this, faults, requests);
        restoreStatusNames();
    }

    // ---- settings ------------------------------------------------------------------------------------------------

    /**
     * Sets how long a run takes from progress 0 to 100 (in {@value #PROGRESS_STEP}-point steps); applies to running
     * runs at once. {@link Duration#ZERO} stops automatic progress: runs then move only by {@link #advance},
     * {@link #complete} and {@link #fail}. Default {@link #DEFAULT_RUN_DURATION}.
     */
    public void setRunDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("runDuration must not be negative: " + duration);
        }
        synchronized (lock) {
            runDuration = duration;
            armTicker();
        }
    }

    public Duration runDuration() {
        synchronized (lock) {
            return runDuration;
        }
    }

    /** Sets how many bytes each run exports from now on (split into files by {@code fileSplitSize}). */
    public void setExportSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("exportSize must not be negative: " + bytes);
        }
        synchronized (lock) {
            exportSize = bytes;
        }
    }

    public long exportSize() {
        synchronized (lock) {
            return exportSize;
        }
    }

    /** Sets the lifetime of the pre-signed links issued from now on (default {@link #DEFAULT_LINK_LIFETIME}). */
    public void setLinkLifetime(Duration lifetime) {
        storage.setLinkLifetime(lifetime);
    }

    public Duration linkLifetime() {
        return storage.linkLifetime();
    }

    /** Expires every pre-signed link issued so far: storage answers them 403 "Request has expired". */
    public void expireLinks() {
        storage.expireLinks();
    }

    /**
     * Makes the storage host close the connection after sending {@code afterBytes} bytes of a download body, for
     * the next {@code times} downloads: the client sees a truncated body and an I/O error.
     */
    public void cutDownloads(long afterBytes, int times) {
        storage.cutDownloads(afterBytes, times);
    }

    /** @return {@code http://127.0.0.1:PORT} of the storage host that serves the pre-signed links */
    public String storageUrl() {
        return storage.baseUrl();
    }

    /**
     * What {@code PagedResponse.count} means: the seed gives it no definition (002 L9100-9102, L10424). By default the
     * number of matching items; {@code true} makes it the number of items in the page, the other reading, so that a
     * client can be tested against both.
     */
    public void setCountIsPageLength(boolean countIsPageLength) {
        synchronized (lock) {
            this.countIsPageLength = countIsPageLength;
        }
    }

    /**
     * Whether {@code GET /v10/file-metadatas}'s {@code startDate} leaves out files uploaded at that very date: the seed
     * does not say (002 L10390). Inclusive by default; {@code true} tests a client against the other reading.
     */
    public void setStartDateExclusive(boolean startDateExclusive) {
        synchronized (lock) {
            this.startDateExclusive = startDateExclusive;
        }
    }

    /** @return whether file-metadatas' {@code startDate} is exclusive (see {@link #setStartDateExclusive}) */
    public boolean startDateExclusive() {
        synchronized (lock) {
            return startDateExclusive;
        }
    }

    /** @return whether {@code PagedResponse.count} is the page's length (see {@link #setCountIsPageLength}) */
    public boolean countIsPageLength() {
        synchronized (lock) {
            return countIsPageLength;
        }
    }

    /** @return the tenant id the certificate info carries ({@code ccid}) */
    public String ccid() {
        synchronized (lock) {
            return ccid;
        }
    }

    public void setCcid(String ccid) {
        synchronized (lock) {
            this.ccid = Objects.requireNonNull(ccid, "ccid");
        }
    }

    /**
     * Renames a job status everywhere it is served ({@code JobInfo.status}, {@code JobProgress.status},
     * {@code /data/job-statuses}), at once, for jobs that exist already too.
     *
     * @throws IllegalArgumentException when the name is blank or another state has it
     */
    public void setStatusName(JobState state, String name) {
        Objects.requireNonNull(state, "state");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A status name must not be blank");
        }
        synchronized (lock) {
            for (Map.Entry<JobState, String> entry : statusNames.entrySet()) {
                if (entry.getKey() != state && entry.getValue().equals(name)) {
                    throw new IllegalArgumentException("Status name '" + name + "' is taken by " + entry.getKey());
                }
            }
            statusNames.put(state, name);
        }
    }

    public String statusName(JobState state) {
        synchronized (lock) {
            return statusNames.get(state);
        }
    }

    /** @return state → the name served for it */
    public Map<JobState, String> statusNames() {
        synchronized (lock) {
            return Collections.unmodifiableMap(new EnumMap<>(statusNames));
        }
    }

    // ---- jobs (Java control) -------------------------------------------------------------------------------------

    /**
     * Creates a job as {@code POST /udm/v10/export/jobs} does, with the same validation.
     *
     * @param job a {@code Job}: a JSON string, a {@link JsonNode} or a {@link Map}
     * @return its {@code JobInfo}
     * @throws ApiException 400 when the job is invalid
     */
    public ObjectNode createJob(Object job) {
        return createJob(UdmJobSpec.parse(tree(job)));
    }

    /**
     * Starts a run of a scheduled job now, as its cron (or start date) would.
     *
     * @return the {@code JobInfo} of the new history record
     * @throws ApiException 404 for an unknown job, 400 unless it is scheduled
     */
    public ObjectNode trigger(int jobId) {
        synchronized (lock) {
            Job job = existingJob(jobId);
            if (job.state != JobState.SCHEDULED) {
                throw ApiException.badRequest("Job " + jobId + " is " + statusNames.get(job.state)
                        + ": only a scheduled job can be triggered");
            }
            return runInfo(startRun(job, Instant.now()));
        }
    }

    /**
     * Moves a running run on by {@code percent} points (completing it at 100).
     *
     * @return its {@code JobInfo}
     * @throws ApiException 404 for an unknown history record, 400 unless it is running
     */
    public ObjectNode advance(int historyId, int percent) {
        if (percent < 1) {
            throw new IllegalArgumentException("percent must be positive: " + percent);
        }
        synchronized (lock) {
            Run run = existingRun(historyId);
            if (run.state != JobState.RUNNING) {
                throw ApiException.badRequest("History record " + historyId + " is "
                        + statusNames.get(run.state) + ": only a running one can advance");
            }
            progress(run, percent, Instant.now());
            return runInfo(run);
        }
    }

    /** Completes a running run at once (its files appear); see {@link #advance}. */
    public ObjectNode complete(int historyId) {
        return advance(historyId, 100);
    }

    /**
     * Fails a running or suspended run where its progress stands; it produces no files.
     *
     * @return its {@code JobInfo}
     */
    public ObjectNode fail(int historyId) {
        synchronized (lock) {
            Run run = existingRun(historyId);
            if (run.state.isFinished()) {
                throw ApiException.badRequest("History record " + historyId + " is " + statusNames.get(run.state)
                        + " already");
            }
            finishRun(run, JobState.FAILED, Instant.now());
            return runInfo(run);
        }
    }

    /** @return the {@code JobInfo} of a job */
    public Optional<ObjectNode> job(int jobId) {
        synchronized (lock) {
            Job job = jobs.get(jobId);
            return job == null ? Optional.empty() : Optional.of(jobInfo(job));
        }
    }

    /** @return the {@code JobInfo} of a history record (a run) */
    public Optional<ObjectNode> history(int historyId) {
        synchronized (lock) {
            Run run = runs.get(historyId);
            return run == null ? Optional.empty() : Optional.of(runInfo(run));
        }
    }

    /** @return the history ids of a job's runs, oldest first */
    public List<Integer> historyIds(int jobId) {
        synchronized (lock) {
            return runs.values().stream().filter(r -> r.job.id == jobId).map(r -> r.id).toList();
        }
    }

    public int jobCount() {
        synchronized (lock) {
            return jobs.size();
        }
    }

    public int historyCount() {
        synchronized (lock) {
            return runs.size();
        }
    }

    // ---- files (Java control) ------------------------------------------------------------------------------------

    /** Adds a file of this size, as if an export had produced it (no job, no history record). */
    public UdmFile addFile(String name, long size) {
        return addFile(Map.of("name", name, "size", size));
    }

    /**
     * Adds a file.
     *
     * @param metadata a {@link Map} or {@link JsonNode} with {@code name} and {@code size} (required), and
     *                 optionally {@code type}, {@code source}, {@code jobTitle}, {@code jobId}, {@code historyId},
     *                 {@code uploadDate} (ISO-8601; default now)
     * @throws IllegalArgumentException when a field is invalid or the name is taken
     */
    public UdmFile addFile(Object metadata) {
        JsonNode node = tree(metadata);
        String name = node.path("name").asText("");
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("A file needs a name without '/', got '" + name + "'");
        }
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
            throw new IllegalArgumentException("A file needs a size in bytes (0 or more), got " + size);
        }
        Instant uploaded = node.hasNonNull("uploadDate")
                ? UdmJobSpec.instant(node.get("uploadDate").asText(), "uploadDate", false) : Instant.now();
        UdmFile file = new UdmFile(name, size.asLong(), textOrNull(node, "type"),
                node.hasNonNull("source") ? node.get("source").asText() : UdmCatalogue.SOURCE,
                textOrNull(node, "jobTitle"), intOrNull(node, "jobId"), intOrNull(node, "historyId"), uploaded);
        synchronized (lock) {
            if (files.containsKey(name)) {
                throw new IllegalArgumentException("A file named '" + name + "' exists already");
            }
            files.put(name, file);
        }
        return file;
    }

    public Optional<UdmFile> file(String name) {
        synchronized (lock) {
            return Optional.ofNullable(files.get(name));
        }
    }

    /** @return every file, in the order they appeared */
    public List<UdmFile> files() {
        synchronized (lock) {
            return List.copyOf(files.values());
        }
    }

    public int fileCount() {
        synchronized (lock) {
            return files.size();
        }
    }

    /** @return the certificate info ({@code CertificateInfo}), when one was uploaded */
    public Optional<ObjectNode> certificate() {
        synchronized (lock) {
            return Optional.ofNullable(certificate == null ? null : certificate.deepCopy());
        }
    }

    // ---- jobs (API) ----------------------------------------------------------------------------------------------

    ObjectNode createJob(UdmJobSpec spec) {
        synchronized (lock) {
            Instant now = Instant.now();
            Job job = new Job(nextJobId++, spec, now);
            jobs.put(job.id, job);
            schedule(job, now);
            return jobInfo(job);
        }
    }

    ObjectNode updateJob(int id, UdmJobSpec spec) {
        synchronized (lock) {
            Job job = existingJob(id);
            if (job.runsStarted > 0 || job.state.isFinished()) {
                throw ApiException.badRequest("Job " + id + " has started (status " + statusNames.get(job.state)
                        + "): only a job that has not started can be updated");
            }
            job.spec = spec;
            schedule(job, Instant.now());
            return jobInfo(job);
        }
    }

    /** A new or updated job that has not run: suspended, started at once, or scheduled. */
    private void schedule(Job job, Instant now) {
        UdmJobSpec spec = job.spec;
        // A cron job without a start date waits for trigger(): the simulator does not evaluate cron expressions.
        job.nextRunAt = spec.immediately() ? null : spec.startDate();
        if (spec.suspended()) {
            job.state = JobState.SUSPENDED;
        } else if (spec.immediately()) {
            startRun(job, now);
        } else {
            job.state = JobState.SCHEDULED;
        }
    }

    ObjectNode jobInfo(int id) {
        synchronized (lock) {
            return jobInfo(existingJob(id));
        }
    }

    List<JobEntry> jobEntries() {
        synchronized (lock) {
            List<JobEntry> entries = new ArrayList<>(jobs.size());
            for (Job job : jobs.values()) {
                entries.add(new JobEntry(jobInfo(job), job.spec.scheduleType(), job.state == JobState.SUSPENDED));
            }
            return entries;
        }
    }

    void cancel(int id) {
        synchronized (lock) {
            Job job = unfinished(id, "cancelled");
            if (job.latest != null && !job.latest.state.isFinished()) {
                job.latest.state = JobState.CANCELLED;
            }
            job.state = JobState.CANCELLED;
            job.nextRunAt = null;
        }
    }

    ObjectNode suspend(int id) {
        synchronized (lock) {
            Job job = unfinished(id, "suspended");
            if (job.state == JobState.RUNNING) {
                job.latest.state = JobState.SUSPENDED;
            }
            // A scheduled job keeps its start date: it starts on resume if the date has passed.
            job.state = JobState.SUSPENDED;
            return jobInfo(job);
        }
    }

    ObjectNode resume(int id) {
        synchronized (lock) {
            Job job = unfinished(id, "resumed");
            if (job.state != JobState.SUSPENDED) {
                return jobInfo(job);
            }
            if (job.latest != null && job.latest.state == JobState.SUSPENDED) {
                job.latest.state = JobState.RUNNING;
                job.state = JobState.RUNNING;
            } else if (job.runsStarted == 0 && job.spec.immediately()) {
                startRun(job, Instant.now());
            } else {
                job.state = JobState.SCHEDULED;
            }
            return jobInfo(job);
        }
    }

    void deleteJob(int id) {
        synchronized (lock) {
            Job job = existingJob(id);
            if (!job.state.isFinished()) {
                throw ApiException.badRequest("Job " + id + " is " + statusNames.get(job.state)
                        + ": only a finished job can be deleted (cancel it first)");
            }
            jobs.remove(id);
        }
    }

    /** @return the ids that were not deleted (unknown or unfinished), in the order given */
    List<Integer> deleteJobs(Collection<Integer> ids) {
        return deleteFinished(jobs, ids, job -> job.state);
    }

    private Job unfinished(int id, String verb) {
        Job job = existingJob(id);
        if (job.state.isFinished()) {
            throw ApiException.badRequest("Job " + id + " is " + statusNames.get(job.state)
                    + ": only an unfinished job can be " + verb);
        }
        return job;
    }

    private Job existingJob(int id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("Job " + id + " not found");
        }
        return job;
    }

    // ---- history (API) -------------------------------------------------------------------------------------------

    ObjectNode historyInfo(int id) {
        synchronized (lock) {
            return runInfo(existingRun(id));
        }
    }

    List<ObjectNode> historyInfos() {
        synchronized (lock) {
            List<ObjectNode> infos = new ArrayList<>(runs.size());
            runs.values().forEach(run -> infos.add(runInfo(run)));
            return infos;
        }
    }

    /** @return the {@code JobProgress} of a history record */
    ObjectNode progress(int id) {
        synchronized (lock) {
            Run run = existingRun(id);
            ObjectNode node = Json.object();
            node.put("progress", run.progress);
            node.put("status", statusNames.get(run.state));
            return node;
        }
    }

    void deleteHistory(int id) {
        synchronized (lock) {
            Run run = existingRun(id);
            if (!run.state.isFinished()) {
                throw ApiException.badRequest("History record " + id + " is " + statusNames.get(run.state)
                        + ": a job in progress cannot be deleted");
            }
            runs.remove(id);
        }
    }

    List<Integer> deleteHistories(Collection<Integer> ids) {
        return deleteFinished(runs, ids, run -> run.state);
    }

    /** Deletes the finished ones; the others stay ("A job with status in progress cannot be deleted", v4). */
    private <T> List<Integer> deleteFinished(Map<Integer, T> table, Collection<Integer> ids,
            Function<T, JobState> stateOf) {
        synchronized (lock) {
            List<Integer> notDeleted = new ArrayList<>();
            for (Integer id : ids) {
                T item = table.get(id);
                if (item == null || !stateOf.apply(item).isFinished()) {
                    notDeleted.add(id);
                } else {
                    table.remove(id);
                }
            }
            return notDeleted;
        }
    }

    private Run existingRun(int id) {
        Run run = runs.get(id);
        if (run == null) {
            throw ApiException.notFound("History record " + id + " not found");
        }
        return run;
    }

    // ---- runs ----------------------------------------------------------------------------------------------------

    private Run startRun(Job job, Instant now) {
        Run run = new Run(nextHistoryId++, job, now);
        runs.put(run.id, run);
        job.latest = run;
        job.runsStarted++;
        job.state = JobState.RUNNING;
        job.nextRunAt = null;
        return run;
    }

    private void progress(Run run, int points, Instant now) {
        run.progress = Math.min(100, run.progress + points);
        if (run.progress == 100) {
            finishRun(run, JobState.COMPLETED, now);
        }
    }

    private void finishRun(Run run, JobState outcome, Instant now) {
        if (outcome == JobState.COMPLETED) {
            // The files exist before anyone can read progress 100.
            produceFiles(run, now);
        }
        run.state = outcome;
        Job job = run.job;
        if (jobs.get(job.id) == job && job.latest == run && !job.state.isFinished()) {
            job.state = job.spec.recurs(job.runsStarted) ? JobState.SCHEDULED : outcome;
        }
    }

    private void produceFiles(Run run, Instant now) {
        long total = exportSize;
        Long split = run.spec.fileSplitBytes();
        long partSize = split == null || total == 0 ? Math.max(total, 1) : split;
        long count = Math.max(1, (total + partSize - 1) / partSize);
        if (count > MAX_FILES_PER_RUN) {
            partSize = (total + MAX_FILES_PER_RUN - 1) / MAX_FILES_PER_RUN;
            count = (total + partSize - 1) / partSize;
        }
        String base = run.spec.title().replaceAll("[^A-Za-z0-9._-]+", "_");
        base = (base.length() > 64 ? base.substring(0, 64) : base) + "_" + run.id;
        for (int i = 0; i < count; i++) {
            String name = count == 1 ? base + ".csv" : String.format("%s_part%03d.csv", base, i + 1);
            for (int n = 2; files.containsKey(name); n++) {
                name = base + "_" + n + (count == 1 ? "" : String.format("_part%03d", i + 1)) + ".csv";
            }
            long size = Math.min(partSize, total - i * partSize);
            files.put(name, new UdmFile(name, size, run.spec.dataType(), run.spec.source(), run.spec.title(),
                    run.job.id, run.id, now));
            run.files.add(name);
        }
        run.fileSize = total;
    }

    // ---- files (API) ---------------------------------------------------------------------------------------------

    /** @return a pre-signed link to the file on the storage host (the file must exist) */
    String presign(String name) {
        return storage.presign(name);
    }

    boolean removeFile(String name) {
        synchronized (lock) {
            return files.remove(name) != null;
        }
    }

    /** @return the names that were not deleted (unknown), in the order given */
    List<String> removeFiles(Collection<String> names) {
        synchronized (lock) {
            List<String> notDeleted = new ArrayList<>();
            for (String name : names) {
                if (files.remove(name) == null) {
                    notDeleted.add(name);
                }
            }
            return notDeleted;
        }
    }

    List<UdmFile> files(Predicate<UdmFile> filter) {
        synchronized (lock) {
            return files.values().stream().filter(filter).toList();
        }
    }

    // ---- certificate ---------------------------------------------------------------------------------------------

    /**
     * Stores the certificate; like CDDS it must be an X.509 certificate with an RSA key (PEM or DER).
     *
     * @return its {@code CertificateInfo}
     * @throws ApiException 400 when it is not one
     */
    ObjectNode uploadCertificate(String name, byte[] content) {
        if (content.length == 0) {
            throw ApiException.badRequest("The certificate file is empty");
        }
        X509Certificate parsed;
        try {
            parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(content));
        } catch (CertificateException | ClassCastException e) {
            throw ApiException.badRequest("The file is not an X.509 certificate (PEM or DER)");
        }
        if (!"RSA".equals(parsed.getPublicKey().getAlgorithm())) {
            throw ApiException.badRequest("The certificate's key is " + parsed.getPublicKey().getAlgorithm()
                    + "; exports are encrypted for an RSA key");
        }
        synchronized (lock) {
            ObjectNode info = Json.object();
            info.put("ccid", ccid);
            info.put("name", name);
            info.put("size", content.length);
            info.put("lastModified", Json.timestamp(Instant.now()));
            certificate = info;
            return info.deepCopy();
        }
    }

    // ---- views ---------------------------------------------------------------------------------------------------

    /** Status names for {@code /data/job-statuses}, in state order, as v3's {@code KeyValueItem}s. */
    ArrayNode jobStatuses() {
        synchronized (lock) {
            ArrayNode array = Json.array();
            statusNames.values().forEach(name -> array.addObject().put("label", name).put("value", name));
            return array;
        }
    }

    private ObjectNode jobInfo(Job job) {
        Run latest = job.latest;
        return info(job.id, job.spec, statusNames.get(job.state), job.created, null,
                latest == null ? 0 : latest.progress, latest == null ? List.of() : latest.files,
                latest == null ? 0 : latest.fileSize);
    }

    private ObjectNode runInfo(Run run) {
        return info(run.id, run.spec, statusNames.get(run.state), run.started, run.job.id, run.progress, run.files,
                run.fileSize);
    }

    /** A {@code JobInfo} (002 L9601-9647): every field present, {@code null} where there is nothing yet. */
    private static ObjectNode info(int id, UdmJobSpec spec, String status, Instant created, Integer parentId,
            int progress, List<String> fileNames, long fileSize) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("type", spec.type());
        node.put("source", spec.source());
        node.put("title", spec.title());
        node.put("fileSplitSize", spec.fileSplitSize());
        // Several files (a split export) are listed comma-separated, the form GET /files?filename= takes.
        node.put("fileName", fileNames.isEmpty() ? null : String.join(",", fileNames));
        node.put("fileSize", fileSize);
        node.put("status", status);
        node.put("createdDate", Json.timestamp(created));
        node.put("dateFrom", spec.dateFrom());
        node.put("dateTo", spec.dateTo());
        node.put("description", spec.description());
        ArrayNode media = node.putArray("media");
        spec.media().forEach(media::add);
        node.put("progress", progress);
        if (parentId == null) {
            node.putNull("parentId");
        } else {
            node.put("parentId", parentId);
        }
        node.put("exportAttachments", spec.exportAttachments());
        return node;
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /** The simulator started: the storage host listens and runs progress again. */
    void releasePort() {
        storage.releasePort();
    }

    void started() {
        storage.start();
        synchronized (lock) {
            running = true;
            armTicker();
        }
    }

    /** The simulator stopped: no progress, no storage host; jobs, files and settings are kept. */
    void stopped() {
        ScheduledExecutorService stopping;
        synchronized (lock) {
            running = false;
            armTicker();
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
        storage.stop();
    }

    /**
     * Clears jobs, history, files and the certificate, restores the default settings and status names, and
     * invalidates every link issued. Ids keep counting up, so an id from an earlier test never finds a new job.
     */
    void reset() {
        synchronized (lock) {
            jobs.clear();
            runs.clear();
            files.clear();
            certificate = null;
            ccid = "simulator-ccid";
            countIsPageLength = false;
            startDateExclusive = false;
            runDuration = DEFAULT_RUN_DURATION;
            exportSize = DEFAULT_EXPORT_SIZE;
            restoreStatusNames();
            armTicker();
        }
        storage.reset();
    }

    private void restoreStatusNames() {
        for (JobState state : JobState.values()) {
            statusNames.put(state, state.defaultName());
        }
    }

    private void armTicker() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        long epoch = ++tickerEpoch;
        if (!running) {
            return;
        }
        long period = runDuration.isZero() ? IDLE_TICK.toNanos()
                : Math.max(TimeUnit.MILLISECONDS.toNanos(1), runDuration.toNanos() / (100 / PROGRESS_STEP));
        ticker = scheduler().scheduleAtFixedRate(() -> tick(epoch), period, period, TimeUnit.NANOSECONDS);
    }

    private void tick(long epoch) {
        synchronized (lock) {
            if (epoch != tickerEpoch || !running) {
                return;
            }
            try {
                Instant now = Instant.now();
                if (!runDuration.isZero()) {
                    for (Run run : List.copyOf(runs.values())) {
                        if (run.state == JobState.RUNNING) {
                            progress(run, PROGRESS_STEP, now);
                        }
                    }
                }
                for (Job job : List.copyOf(jobs.values())) {
                    if (job.state == JobState.SCHEDULED && job.nextRunAt != null && !now.isBefore(job.nextRunAt)) {
                        startRun(job, now);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("UDM scheduler tick failed", e);
            }
        }
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "genesys-simulator-udm");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static JsonNode tree(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            try {
                return Json.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Not JSON: " + text, e);
            }
        }
        return Json.mapper().valueToTree(value);
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer, got " + value);
        }
        return value.asInt();
    }
}
