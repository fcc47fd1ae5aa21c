package io.camelgenesys.examples;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.camelgenesys.udm.UdmConstants;
import io.camelgenesys.udm.model.Job;
import io.camelgenesys.udm.model.SchedulerParam;
import io.camelgenesys.udm.model.TimeFrame;
import io.camelgenesys.udm.model.UcsJobParams;
import org.apache.camel.builder.RouteBuilder;

/**
 * UDM export (Java DSL): export yesterday's interactions from Genesys Multicloud CX with the User Data Management
 * API, wait for the export without holding a thread, and download every file it produced into
 * {@code {{example.work-dir}}/udm-exports}, streamed (the files never sit in memory, whatever their size).
 * <p>
 * One route: {@code createJob?waitForCompletion=true} continues when the job's run reached progress 100, with the
 * job's {@code JobInfo}, whose {@code fileName} lists the run's files; each is downloaded with {@code downloadFile}
 * (a 303 to the storage host, followed without the Genesys credentials) and written by {@code file:} under its own
 * name ({@code CamelFileName}).
 */
public class UdmExportRoute extends RouteBuilder {

    private final Clock clock;

    public UdmExportRoute() {
        this(Clock.systemUTC());
    }

    UdmExportRoute(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void configure() {
        // left out rather than not started: a genesys-udm endpoint needs its credentials even in a stopped route
        if (!Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{example.udm-export:true}}"))) {
            return;
        }
        List<String> media = Arrays.stream(getContext().resolvePropertyPlaceholders("{{example.udm.media}}")
                .split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();

        // the first run right after start-up, then every example.udm.period ms (a nightly job would use cron: or quartz:)
        from("timer:udm-export?delay={{example.udm.initial-delay}}&period={{example.udm.period}}")
                .routeId("udm-export")
                .process(e -> e.getMessage().setBody(yesterdaysInteractions(LocalDate.now(clock).minusDays(1), media)))
                .log("UDM export: exporting the interactions of ${body.timeFrame.dateFrom} to"
                     + " ${body.timeFrame.dateTo}")
                .to("genesys-udm:createJob?waitForCompletion=true&failedStatuses={{example.udm.failed-statuses}}"
                    + "&waitTimeout={{example.udm.wait-timeout}}")
                .log("UDM export: job ${body.id} ended with ${header." + UdmConstants.JOB_STATUS + "} (progress"
                     + " ${header." + UdmConstants.JOB_PROGRESS + "}): ${body.fileName}")
                .split(simple("${body.fileName}").tokenize(",")).streaming()
                    .setHeader(UdmConstants.FILE_NAME, body())
                    .to("genesys-udm:downloadFile")
                    .to("file:{{example.work-dir}}/udm-exports?tempPrefix=.downloading-")
                    .log("UDM export: downloaded ${header.CamelFileName} (${header."
                         + UdmConstants.DOWNLOAD_SIZE + "} bytes, ${header." + UdmConstants.DOWNLOAD_CONTENT_TYPE
                         + "}) into {{example.work-dir}}/udm-exports")
                .end();
    }

    /**
     * An immediate export of one UTC day of interactions of the given media, as seed 002 describes a Job (source and
     * type UCS, data type Interaction).
     */
    static Job yesterdaysInteractions(LocalDate day, List<String> media) {
        Job job = new Job();
        job.setSource("UCS");
        job.setType("UCS");
        job.setTitle("camel-genesys example: interactions of " + day);
        TimeFrame timeFrame = new TimeFrame();
        timeFrame.setAll(false);
        timeFrame.setDateFrom(day.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        timeFrame.setDateTo(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1).toString());
        job.setTimeFrame(timeFrame);
        SchedulerParam scheduler = new SchedulerParam();
        scheduler.setImmediately(true);
        job.setSchedulerParam(scheduler);
        UcsJobParams params = new UcsJobParams();
        params.setType("Interaction");
        params.setMedia(media);
        job.setJobParams(params);
        job.setSuspended(false);
        return job;
    }
}
