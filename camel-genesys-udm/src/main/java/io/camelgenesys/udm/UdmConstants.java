package io.camelgenesys.udm;

import io.camelgenesys.core.GenesysConstants;
import io.camelgenesys.core.http.Download;
import org.apache.camel.spi.Metadata;

/**
 * Headers of genesys-udm: the shared camel-genesys headers plus its inputs (each overrides the option of the same name
 * for one message; every other path variable and query parameter works the same way, e.g. {@code CamelGenesysJobTitle})
 * and what it reports. Each says its direction first (see {@link GenesysConstants}).
 */
public final class UdmConstants extends GenesysConstants {

    @Metadata(label = "producer,input", description = "Input: the job id (an integer, or its text); overrides the jobId"
              + " option.", javaType = "Integer")
    public static final String JOB_ID = "CamelGenesysJobId";

    @Metadata(label = "common,input", description = "Input: the id of a run (history record); overrides the historyId"
              + " option.", javaType = "Integer")
    public static final String HISTORY_ID = "CamelGenesysHistoryId";

    @Metadata(label = "producer,input", description = "Input: deleteJobs, the job ids (a List or comma-separated text);"
              + " overrides the jobIds option.", javaType = "String")
    public static final String JOB_IDS = "CamelGenesysJobIds";

    @Metadata(label = "producer,input", description = "Input: deleteHistories, the history record ids (a List or"
              + " comma-separated text); overrides the historyIds option.", javaType = "String")
    public static final String HISTORY_IDS = "CamelGenesysHistoryIds";

    @Metadata(label = "producer,input", description = "Input: downloadFile and deleteFile, the file's name; overrides the"
              + " fileName option.", javaType = "String")
    public static final String FILE_NAME = "CamelGenesysFileName";

    @Metadata(label = "producer,input", description = "Input: getFileLinks and deleteFiles, the file names (a List or"
              + " comma-separated text); overrides the fileNames option.", javaType = "String")
    public static final String FILE_NAMES = "CamelGenesysFileNames";

    @Metadata(label = "producer,input", description = "Input: uploadCertificate, the certificate's name; overrides the"
              + " certificateFileName option.", javaType = "String")
    public static final String CERTIFICATE_FILE_NAME = "CamelGenesysCertificateFileName";

    @Metadata(label = "producer,input", description = "Input: listings, the index of the first item of the page;"
              + " overrides the from option.", javaType = "Integer")
    public static final String FROM = "CamelGenesysFrom";

    @Metadata(label = "producer,output", description = "Output: createJob with waitForCompletion, the status name of the"
              + " job when the wait ended.", javaType = "String")
    public static final String JOB_STATUS = "CamelGenesysUdmJobStatus";

    @Metadata(label = "producer,output", description = "Output: createJob with waitForCompletion, the job's progress"
              + " (0-100) when the wait ended: 100 when it completed.", javaType = "Integer")
    public static final String JOB_PROGRESS = "CamelGenesysUdmJobProgress";

    @Metadata(label = "consumer,output", description = "Output: the files consumer, the metadata of the file (name,"
              + " size, type, job title, job and history ids, upload date).",
              javaType = "io.camelgenesys.udm.model.FileMetadata")
    public static final String FILE = "CamelGenesysUdmFile";

    @Metadata(label = "common,output", description = "Output: downloadFile and the files consumer, the file's name as"
              + " Genesys names it. CamelFileName is set to the same name, so that a following to(\"file:dir\") stores"
              + " the file under it.", javaType = "String")
    public static final String DOWNLOAD_FILE_NAME = Download.FILE_NAME_HEADER;

    @Metadata(label = "common,output", description = "Output: downloadFile and the files consumer, the file's size in"
              + " bytes (the storage host's Content-Length).", javaType = "Long")
    public static final String DOWNLOAD_SIZE = Download.SIZE_HEADER;

    @Metadata(label = "common,output", description = "Output: downloadFile and the files consumer, the file's content"
              + " type as the storage host gave it (e.g. text/csv).", javaType = "String")
    public static final String DOWNLOAD_CONTENT_TYPE = Download.CONTENT_TYPE_HEADER;

    @Metadata(label = "common,output", description = "Output: downloadFile and the files consumer, the file's ETag on"
              + " the storage host.", javaType = "String")
    public static final String DOWNLOAD_ETAG = Download.ETAG_HEADER;

    @Metadata(label = "common,output", description = "Output: downloadFile and the files consumer, when the file was"
              + " last modified (the storage host's Last-Modified, an HTTP date).", javaType = "String")
    public static final String DOWNLOAD_LAST_MODIFIED = Download.LAST_MODIFIED_HEADER;

    private UdmConstants() {
    }
}
