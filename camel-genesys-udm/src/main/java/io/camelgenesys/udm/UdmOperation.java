package io.camelgenesys.udm;

import java.util.Map;

import io.camelgenesys.core.GenesysPlatform;
import io.camelgenesys.core.operation.GenesysOperation;
import io.camelgenesys.core.operation.OperationSpec;
import io.camelgenesys.core.operation.PagingStyle;
import io.camelgenesys.core.operation.QueryRule;
import io.camelgenesys.core.operation.RedirectDownload;
import io.camelgenesys.udm.model.CertificateInfo;
import io.camelgenesys.udm.model.DataType;
import io.camelgenesys.udm.model.FileMetadata;
import io.camelgenesys.udm.model.Job;
import io.camelgenesys.udm.model.JobInfo;
import io.camelgenesys.udm.model.JobProgress;
import io.camelgenesys.udm.model.KeyValueItem;
import io.camelgenesys.udm.model.PagedResponse;
import io.camelgenesys.udm.model.PreSignedUri;
import io.camelgenesys.udm.model.SubType;
import io.camelgenesys.udm.model.VersionInfo;

import static io.camelgenesys.core.operation.OperationSpec.delete;
import static io.camelgenesys.core.operation.OperationSpec.get;
import static io.camelgenesys.core.operation.OperationSpec.post;
import static io.camelgenesys.core.operation.OperationSpec.put;

/**
 * The genesys-udm operations, one row each: every operation of the User Data Management API v10 (seed 002,
 * L8671-10716; the reference table with each row's seed lines, status codes and the simulator's decisions is
 * {@code genesys-simulator/UDM.md}), on platform {@code multicloud} (x-api-key and the bearer token on every request),
 * under the API gateway's {@code /udm} base path. Ids are integers (checked by {@link UdmRequests#IDS}); the listings
 * page with {@code from}/{@code size} ({@link PagingStyle#OFFSET}, a size always sent) into a {@link PagedResponse},
 * or stream every item with {@code pageAll}; {@code downloadFile} follows the 303 to the storage host without
 * credentials and streams the file ({@link RedirectDownload}); {@code files} is the new-file consumer
 * ({@link UdmFilesConsumer}).
 */
public enum UdmOperation implements GenesysOperation {

    // ---- cipher ------------------------------------------------------------------------------------------------
    getCertificate(udm(get(UdmOperation.V10 + "/cipher").returns(CertificateInfo.class))),
    /** The body is the certificate (PEM or DER), sent as multipart/form-data in the field "file" (L8758-8762). */
    uploadCertificate(udm(post(UdmOperation.V10 + "/cipher/{certificatefilename}")
            .alias("certificatefilename", "certificateFileName").multipart("file", "certificatefilename")
            .returns(String.class))),

    // ---- data lookups ------------------------------------------------------------------------------------------
    listAttributes(udm(get(UdmOperation.V10 + "/data/attributes").query("entities").returns(Map.class))),
    listJobStatuses(udm(get(UdmOperation.V10 + "/data/job-statuses").returns(KeyValueItem.class))),
    listSources(udm(get(UdmOperation.V10 + "/data/sources").returns(KeyValueItem.class))),
    listSubTypes(udm(get(UdmOperation.V10 + "/data/sub-types").query("dataType", "source").returns(SubType.class))),
    listDataTypes(udm(get(UdmOperation.V10 + "/data/types").query("source").returns(DataType.class))),

    // ---- export history (the runs of jobs) ---------------------------------------------------------------------
    listHistory(udm(pages(get(UdmOperation.HISTORY).query("descAsc", "jobId", "type", "orderField", "fileName",
            "status", "title", "source", "bgUpdate").returns(JobInfo.class)))),
    deleteHistories(udm(bulkDelete(delete(UdmOperation.HISTORY).query("jobIDs").alias("jobIDs", "historyIds")))),
    getHistory(udm(get(UdmOperation.HISTORY + "/{id}").alias("id", "historyId").returns(JobInfo.class))),
    deleteHistory(udm(delete(UdmOperation.HISTORY + "/{id}").alias("id", "historyId"))),
    getHistoryProgress(udm(get(UdmOperation.HISTORY + "/{id}/progress").alias("id", "historyId")
            .returns(JobProgress.class))),

    // ---- export jobs -------------------------------------------------------------------------------------------
    listJobs(udm(pages(get(UdmOperation.JOBS).query("descAsc", "scheduleType", "type", "orderField", "title", "source",
            "bgUpdate", "suspend").returns(JobInfo.class)))),
    /** 202 with the new job; waitForCompletion waits for its run (see {@link UdmJobWait}). */
    createJob(udm(post(UdmOperation.JOBS).body(Job.class).returns(JobInfo.class).rules(UdmLimits.JOB)
            .execution(UdmJobWait.CREATE))),
    deleteJobs(udm(bulkDelete(delete(UdmOperation.JOBS).query("jobIDs").alias("jobIDs", "jobIds")))),
    /** 200 without a body (L9784). */
    cancelJob(udm(post(UdmOperation.JOBS + "/cancel/{id}").alias("id", "jobId"))),
    /** Resuming a running job, or suspending a suspended one, changes nothing: safe to retry. */
    resumeJob(udm(post(UdmOperation.JOBS + "/resume/{id}").alias("id", "jobId").returns(JobInfo.class)
            .idempotent(true))),
    suspendJob(udm(post(UdmOperation.JOBS + "/suspend/{id}").alias("id", "jobId").returns(JobInfo.class)
            .idempotent(true))),
    getJob(udm(get(UdmOperation.JOBS + "/{id}").alias("id", "jobId").returns(JobInfo.class))),
    updateJob(udm(put(UdmOperation.JOBS + "/{id}").alias("id", "jobId").body(Job.class).returns(JobInfo.class)
            .rules(UdmLimits.JOB))),
    deleteJob(udm(delete(UdmOperation.JOBS + "/{id}").alias("id", "jobId"))),

    // ---- files -------------------------------------------------------------------------------------------------
    listFiles(udm(fileMetadatas())),
    /** One name answers a PreSignedUri, several a List of them in the order asked. */
    getFileLinks(udm(get(UdmOperation.V10 + "/files").query("filename").alias("filename", "fileNames")
            .returns(PreSignedUri.class)
            .queryRules(QueryRule.required("filename"), QueryRule.atMost("filename", UdmLimits.MAX_LINKS)))),
    deleteFiles(udm(bulkDelete(delete(UdmOperation.V10 + "/files").query("filename").alias("filename", "fileNames")))),
    /** 303 to a pre-signed link, followed without credentials; the body is streamed (or written to downloadDirectory). */
    downloadFile(udm(get(UdmOperation.V10 + "/files/{filename}").alias("filename", "fileName")
            .execution(RedirectDownload.of("filename", UdmRequests::downloadDirectory)))),
    deleteFile(udm(delete(UdmOperation.V10 + "/files/{filename}").alias("filename", "fileName"))),

    // ---- resources ---------------------------------------------------------------------------------------------
    listLabels(udm(get(UdmOperation.V10 + "/resources/labels").returns(Map.class))),
    /** The seed lists the API key alone (L10667-10716); the bearer token sent with it is not needed, and harmless. */
    getVersion(udm(get(UdmOperation.V10 + "/version").returns(VersionInfo.class))),

    // ---- the new-file consumer ---------------------------------------------------------------------------------
    /** from("genesys-udm:files"): the file metadata polled, each new file downloaded once ({@link UdmFilesConsumer}). */
    files(udm(fileMetadatas().consumerOnly()));

    /** The API gateway's UDM base path (L8669) and version. */
    static final String V10 = "/udm/v10";
    static final String HISTORY = V10 + "/export/history";
    static final String JOBS = V10 + "/export/jobs";

    private final OperationSpec spec;

    UdmOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** UDM is a Multicloud CX API; every row checks its ids before anything is sent. */
    private static OperationSpec udm(OperationSpec spec) {
        return spec.only(GenesysPlatform.multicloud).prepare(UdmRequests.IDS);
    }

    /** Offset paging: from the from option, a size always sent; one page is a PagedResponse. */
    private static OperationSpec pages(OperationSpec spec) {
        return spec.query("from").paging(PagingStyle.OFFSET).pageModel(PagedResponse.class)
                .queryRules(UdmLimits.FROM, UdmLimits.SIZE);
    }

    /** GET /v10/file-metadatas: listFiles, and what the files consumer polls. */
    private static OperationSpec fileMetadatas() {
        return pages(get(V10 + "/file-metadatas").query("historyId", "descAsc", "jobTitle", "name", "type", "source",
                "orderField", "bgUpdate", "startDate", "endDate").returns(FileMetadata.class));
    }

    /** A bulk delete: the list is required; a 500 with a JSON array lists what was not deleted. */
    private static OperationSpec bulkDelete(OperationSpec spec) {
        String list = spec.queryParams().get(0);
        return spec.queryRules(QueryRule.required(list)).answers(500).execution(UdmRequests.BULK_DELETE);
    }
}
