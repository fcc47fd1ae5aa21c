package io.camelgenesys.udm;

import io.camelgenesys.core.GenesysScheduledPollEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Component;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Genesys Multicloud CX User Data Management: create and follow export jobs of UCS contacts and interaction history,
 * list their runs and files, download the files streamed (never held in memory), manage the encryption certificate;
 * consume every new export file once, downloaded, with {@code from("genesys-udm:files")}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "genesys-udm", title = "Genesys UDM",
             syntax = "genesys-udm:operation", category = { Category.CLOUD, Category.SAAS, Category.FILE },
             headersClass = UdmConstants.class)
public class UdmEndpoint extends GenesysScheduledPollEndpoint<UdmOperation> {

    @UriPath(description = "The operation to perform, e.g. createJob, getJob, listFiles, downloadFile or deleteFile. As"
                           + " a consumer (from), files: every new export file once, downloaded, polled with the"
                           + " scheduler options (delay defaults to 60000 ms).")
    @Metadata(required = true)
    private UdmOperation operation;

    @UriParam
    private final UdmConfiguration configuration;

    public UdmEndpoint(String uri, Component component, UdmConfiguration configuration) {
        super(uri, component, UdmOperation.class);
        this.configuration = configuration;
    }

    @Override
    public UdmConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public UdmOperation getOperation() {
        return operation;
    }

    public void setOperation(UdmOperation operation) {
        this.operation = operation;
    }

    /** The files row downloads each file it lists once: its own poll consumer. */
    @Override
    protected ScheduledPollConsumer createPollConsumer(Processor processor) throws Exception {
        return new UdmFilesConsumer(this, processor);
    }
}
