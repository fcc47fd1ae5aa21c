package io.camelgenesys.udm;

import java.util.List;

import io.camelgenesys.core.test.GenesysRouteTestSupport;
import io.camelgenesys.core.test.SimulatorSupport;
import io.camelgenesys.simulator.GenesysSimulator;
import io.camelgenesys.simulator.GenesysSimulatorExtension;
import io.camelgenesys.simulator.UserDataManagement;
import io.camelgenesys.udm.model.Job;
import io.camelgenesys.udm.model.SchedulerParam;
import io.camelgenesys.udm.model.TimeFrame;
import io.camelgenesys.udm.model.UcsJobParams;
import org.junit.jupiter.api.extension.RegisterExtension;

/** genesys-udm route tests against the simulator's UDM API and its storage host (one simulator per class). */
abstract class UdmTestSupport extends GenesysRouteTestSupport {

    @RegisterExtension
    static final GenesysSimulatorExtension SIM = new GenesysSimulatorExtension(GenesysSimulator.builder());

    @Override
    protected GenesysSimulator sim() {
        return SIM.simulator();
    }

    protected UserDataManagement udm() {
        return sim().udm();
    }

    /** A genesys-udm endpoint URI with the simulator's Multicloud credentials (platform is multicloud by default). */
    protected String udm(String operation, String options) {
        return "genesys-udm:" + operation + "?" + SimulatorSupport.multicloud(sim()).replace("platform=multicloud&", "")
               + (options.isEmpty() ? "" : "&" + options);
    }

    /** A valid immediate export job of seed 002's shape (L9505-9594), as the typed model. */
    protected static Job job(String title) {
        Job job = new Job();
        job.setSource("UCS");
        job.setType("UCS");
        job.setTitle(title);
        TimeFrame timeFrame = new TimeFrame();
        timeFrame.setAll(false);
        timeFrame.setDateFrom("2024-03-01T00:00:00Z");
        timeFrame.setDateTo("2024-03-31");
        job.setTimeFrame(timeFrame);
        SchedulerParam scheduler = new SchedulerParam();
        scheduler.setImmediately(true);
        job.setSchedulerParam(scheduler);
        UcsJobParams params = new UcsJobParams();
        params.setType("Interaction");
        params.setMedia(List.of("chat", "email"));
        job.setJobParams(params);
        job.setSuspended(false);
        return job;
    }

    /** The same job, waiting for a start date far away (it never runs by itself). */
    protected static Job scheduledJob(String title) {
        Job job = job(title);
        job.getSchedulerParam().setImmediately(false);
        job.getSchedulerParam().setStartDate("2099-01-01T00:00:00Z");
        return job;
    }
}
