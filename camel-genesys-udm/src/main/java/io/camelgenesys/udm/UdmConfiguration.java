package io.camelgenesys.udm;

import io.camelgenesys.core.GenesysConfiguration;
import io.camelgenesys.core.GenesysJobWaitConfiguration;
import io.camelgenesys.core.GenesysPlatform;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of genesys-udm: the options every camel-genesys component shares (inherited from
 * {@link GenesysConfiguration}) and the UDM ones. The component holds one (set once with
 * {@code camel.component.genesys-udm.<option>}); each endpoint gets a copy that its URI options override. The path
 * variables and query parameters of the operation rows are bound to these options by name, and each is overridden
 * for one message by the {@code CamelGenesys<Option>} header. UDM exists on Genesys Multicloud CX only, so
 * {@code platform} is {@code multicloud} here.
 */
@UriParams
public class UdmConfiguration extends GenesysJobWaitConfiguration {

    @UriParam(label = "producer",
              description = "The job id (an integer) of getJob, updateJob, deleteJob, cancelJob, suspendJob and "
                            + "resumeJob; listHistory: only the runs of this job. The CamelGenesysJobId header overrides"
                            + " it.")
    private Integer jobId;

    @UriParam(label = "common",
              description = "The id (an integer) of one run of a job, a history record: getHistory, "
                            + "deleteHistory, getHistoryProgress; listFiles and the files consumer: only the files "
                            + "of this run. The CamelGenesysHistoryId header overrides it.")
    private Integer historyId;

    @UriParam(label = "producer",
              description = "deleteJobs: the job ids to delete, comma separated (a List in the CamelGenesysJobIds "
                            + "header works too). Only finished jobs are deleted; the others are reported.")
    private String jobIds;

    @UriParam(label = "producer",
              description = "deleteHistories: the history record ids to delete, comma separated (a List in the "
                            + "CamelGenesysHistoryIds header works too).")
    private String historyIds;

    @UriParam(label = "producer",
              description = "downloadFile and deleteFile: the export file's name (as listFiles gives it); "
                            + "listHistory: only the runs whose file name contains this. The CamelGenesysFileName header"
                            + " overrides it.")
    private String fileName;

    @UriParam(label = "producer",
              description = "getFileLinks (at most 100) and deleteFiles: the file names, comma separated (a List "
                            + "in the CamelGenesysFileNames header works too).")
    private String fileNames;

    @UriParam(label = "producer",
              description = "uploadCertificate: the name to store the certificate under (the message body is the "
                            + "certificate, PEM or DER). The CamelGenesysCertificateFileName header overrides it.")
    private String certificateFileName;

    @UriParam(label = "producer",
              description = "listAttributes: the entities whose attributes to list, comma separated (all when "
                            + "unset).")
    private String entities;

    @UriParam(label = "producer",
              description = "listSubTypes: the data type whose sub-types (media) to list, e.g. Interaction.")
    private String dataType;

    @UriParam(label = "common",
              description = "listSubTypes, listDataTypes, and the listings (listHistory, listJobs, listFiles, "
                            + "files): only this source (the listings: whose source contains this), e.g. UCS.")
    private String source;

    @UriParam(label = "common",
              description = "listHistory, listJobs: only jobs of a type containing this (UCS or DataSync); "
                            + "listFiles and the files consumer: only files of a data type containing this (e.g. "
                            + "Interaction).")
    private String type;

    @UriParam(label = "producer",
              description = "listHistory, listJobs: only jobs whose title contains this.")
    private String title;

    @UriParam(label = "producer",
              description = "listHistory: only runs whose status name contains this (names as listJobStatuses "
                            + "gives them).")
    private String status;

    @UriParam(label = "producer",
              description = "listJobs: only jobs scheduled this way (Immediate, Scheduled or Recurring).")
    private String scheduleType;

    @UriParam(label = "producer",
              description = "listJobs: only suspended jobs (true) or only the others (false).")
    private Boolean suspend;

    @UriParam(label = "common",
              description = "listFiles and the files consumer: only files of jobs whose title contains this.")
    private String jobTitle;

    @UriParam(label = "common",
              description = "listFiles and the files consumer: only files whose name contains this.")
    private String name;

    @UriParam(label = "common",
              description = "listFiles and the files consumer: only files uploaded at or after this date "
                            + "(ISO-8601 date-time, or a date).")
    private String startDate;

    @UriParam(label = "common",
              description = "listFiles and the files consumer: only files uploaded at or before this date "
                            + "(ISO-8601 date-time, or a date: the end of that day).")
    private String endDate;

    @UriParam(label = "producer",
              description = "listHistory, listJobs, listFiles: the field to order by (a field of the items, e.g. "
                            + "createdDate or uploadDate); creation order when unset. The files consumer always "
                            + "orders by uploadDate.")
    private String orderField;

    @UriParam(label = "producer",
              description = "listHistory, listJobs, listFiles: true orders descending, false (Genesys' default) "
                            + "ascending.")
    private Boolean descAsc;

    @UriParam(label = "producer",
              description = "listHistory, listJobs, listFiles: the bgUpdate filter of the API, passed as given "
                            + "(the seed does not document its meaning).")
    private String bgUpdate;

    @UriParam(label = "producer",
              description = "listHistory, listJobs, listFiles: the index of the first item of the page (0 when "
                            + "unset); the page size is the pageSize option (100 when unset: a size is always sent,"
                            + " since UDM's default is every item). pageAll=true reads every page from here. The "
                            + "CamelGenesysFrom header overrides it.")
    private Integer from;

    @UriParam(label = "common",
              description = "downloadFile and the files consumer: write each file to this directory (as its name;"
                            + " each transfer writes a <name>.<id>.part of its own, moved into place when complete) and make the body that java.io.File, instead of "
                            + "streaming the body as an InputStream. Either way the file is never held in memory.")
    private String downloadDirectory;

    @UriParam(label = "consumer",
              description = "The files consumer: the repository of the file names already processed, e.g. "
                            + "#myRepository (a FileIdempotentRepository or a JDBC one, so that a restart does not "
                            + "download them again). A name is added only when the route completed successfully. An"
                            + " in-memory repository of 10000 names when unset (forgotten on restart).")
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "false", 
              description = "The files consumer: delete each file from Genesys (deleteFile) once its route "
                            + "completed successfully and the poll's listing has ended (a delete in the middle of the"
                            + " offset-paged listing would make its next page skip a file).")
    private boolean deleteAfterDownload = false;

    public UdmConfiguration() {
        setPlatform(GenesysPlatform.multicloud);
    }

    @Override
    public UdmConfiguration copy() {
        return (UdmConfiguration) super.copy();
    }

    @Override
    public void validate() {
        super.validate();
    }

    public Integer getJobId() {
        return jobId;
    }

    public void setJobId(Integer jobId) {
        this.jobId = jobId;
    }

    public Integer getHistoryId() {
        return historyId;
    }

    public void setHistoryId(Integer historyId) {
        this.historyId = historyId;
    }

    public String getJobIds() {
        return jobIds;
    }

    public void setJobIds(String jobIds) {
        this.jobIds = jobIds;
    }

    public String getHistoryIds() {
        return historyIds;
    }

    public void setHistoryIds(String historyIds) {
        this.historyIds = historyIds;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getFileNames() {
        return fileNames;
    }

    public void setFileNames(String fileNames) {
        this.fileNames = fileNames;
    }

    public String getCertificateFileName() {
        return certificateFileName;
    }

    public void setCertificateFileName(String certificateFileName) {
        this.certificateFileName = certificateFileName;
    }

    public String getEntities() {
        return entities;
    }

    public void setEntities(String entities) {
        this.entities = entities;
    }

    public String getDataType() {
        return dataType;
    }

    public void setDataType(String dataType) {
        this.dataType = dataType;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getScheduleType() {
        return scheduleType;
    }

    public void setScheduleType(String scheduleType) {
        this.scheduleType = scheduleType;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getOrderField() {
        return orderField;
    }

    public void setOrderField(String orderField) {
        this.orderField = orderField;
    }

    public Boolean getDescAsc() {
        return descAsc;
    }

    public void setDescAsc(Boolean descAsc) {
        this.descAsc = descAsc;
    }

    public String getBgUpdate() {
        return bgUpdate;
    }

    public void setBgUpdate(String bgUpdate) {
        this.bgUpdate = bgUpdate;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public String getDownloadDirectory() {
        return downloadDirectory;
    }

    public void setDownloadDirectory(String downloadDirectory) {
        this.downloadDirectory = downloadDirectory;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public boolean isDeleteAfterDownload() {
        return deleteAfterDownload;
    }

    public void setDeleteAfterDownload(boolean deleteAfterDownload) {
        this.deleteAfterDownload = deleteAfterDownload;
    }
}
