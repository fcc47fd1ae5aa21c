package io.camelgenesys.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the simulator standalone, for examples and for developing routes offline:
 * <pre>
 * java -jar genesys-simulator-VERSION-standalone.jar [--port 8080] [--token-lifetime SECONDS] [--rate-limit N]
 *     [--stats-interval MILLIS]
 * </pre>
 * Prints the base URL and the demo credentials, then serves until the process is killed.
 */
public final class GenesysSimulatorMain {

    private GenesysSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GenesysSimulator.Builder builder = GenesysSimulator.builder().port(8080);
        int seedContacts = 0;
        // Standalone users want a live stream of statistics; tests (the Java API) start with the generator off.
        long statisticsIntervalMillis = 1_000;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port", "-port" -> builder.port(Integer.parseInt(value(args, ++i)));
                    case "--token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value(args, ++i))));
                    case "--rate-limit" -> builder.rateLimit(Integer.parseInt(value(args, ++i)), Duration.ofMinutes(1));
                    case "--seed-contacts" -> {
                        seedContacts = Integer.parseInt(value(args, ++i));
                        if (seedContacts < 0) {
                            throw new IllegalArgumentException("--seed-contacts must not be negative: " + seedContacts);
                        }
                    }
                    case "--stats-interval" -> {
                        statisticsIntervalMillis = Long.parseLong(value(args, ++i));
                        if (statisticsIntervalMillis < 0) {
                            throw new IllegalArgumentException("--stats-interval must be 0 (off) or a number of ms");
                        }
                    }
                    case "--help", "-h" -> {
                        usage(System.out);
                        return;
                    }
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }

        GenesysSimulator sim = builder.build();
        if (seedContacts > 0) {
            // Demo data for routes developed offline: external contacts and seed 004's Web Services contacts.
            sim.externalContacts().seedContacts(seedContacts);
            sim.webServicesContacts().seedDefaults();
        }
        sim.start();
        sim.statistics().setUpdateInterval(Duration.ofMillis(statisticsIntervalMillis));
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop, "genesys-simulator-shutdown"));
        describe(sim, System.out);
        sim.join();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Missing value for " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar genesys-simulator-standalone.jar [--port 8080] [--token-lifetime SECONDS]"
                + " [--rate-limit REQUESTS_PER_MINUTE] [--seed-contacts N] [--stats-interval MILLIS (0 = off; default 1000)]");
    }

    static void describe(GenesysSimulator sim, PrintStream out) {
        String base = sim.baseUrl();
        out.println("Genesys simulator listening on " + base);
        out.println();
        out.println("Genesys Cloud      token: POST " + base + "/oauth/token (grant_type=client_credentials)");
        out.println("                   client: " + sim.cloudClientId() + " / " + sim.cloudClientSecret());
        out.println("Multicloud CX      token: POST " + base + "/auth/v3/oauth/token");
        out.println("                   x-api-key: " + sim.multicloudApiKey());
        out.println("                   client: " + sim.multicloudClientId() + " / " + sim.multicloudClientSecret());
        for (Map.Entry<String, String> user : sim.multicloudUsers().entrySet()) {
            out.println("                   user: " + user.getKey() + " / " + user.getValue());
        }
        out.println("                   CometD: " + base + Cometd.STATISTICS_NOTIFICATIONS);
        out.println("Web Services       Basic user: " + sim.webServicesUsername() + " / " + sim.webServicesPassword());
        out.println("Token lifetime     " + sim.tokenLifetime().toSeconds() + " s");
        out.println("Test collection    " + base + "/api/v2/simulator/items");
        out.println("External contacts  " + base + "/api/v2/externalcontacts (" + sim.externalContacts().contactCount()
                + " contacts)");
        out.println("Web Services       " + base + "/api/v2/contacts (" + sim.webServicesContacts().count()
                + " contacts)");
        out.println("Statistics API     " + base + Statistics.BASE_PATH + " (statistics " + sim.statistics().statisticNames()
                + " on " + sim.statistics().objects() + "; updates every "
                + sim.statistics().updateInterval().toMillis() + " ms, 0 = off)");
        for (Messaging.Channel channel : sim.digitalChannels().messaging().channels()) {
            out.println("Digital Channels   " + base + DigitalChannels.BASE_PATH + "/channels/" + channel.id() + " ("
                    + channel.type() + ", secret " + channel.secret() + ", x-ccid " + channel.contactCenterId() + ")");
        }
        out.println("                   webhooks: " + base + DigitalChannelsAdmin.PREFIX + "/webhooks/{text,email,interactions}"
                + ", GET " + base + DigitalChannelsAdmin.PREFIX + "/deliveries");
        out.println("User Data Mgmt     " + base + UserDataManagement.BASE_PATH + " (downloads served from "
                + sim.udm().storageUrl() + "; controls: " + base + "/simulator/udm)");
        out.println("Notifications      POST " + base + "/api/v2/notifications/channels (then a WebSocket to its connectUri);"
                + " controls: " + base + "/simulator/notifications/{,counters,publish,sockets/close,sockets/drop,expire,"
                + "settings}");
        out.println("Admin              POST/GET/DELETE " + base + "/simulator/faults, POST " + base
                + "/simulator/tokens/revoke, POST " + base + "/simulator/reset");
        out.println("                   GET " + base + "/simulator/statistics, POST " + base
                + "/simulator/statistics/{publish,outage,interval,values}");
        out.println();
        out.println("Example: curl -s -u " + sim.cloudClientId() + ":" + sim.cloudClientSecret()
                + " -d grant_type=client_credentials " + base + "/oauth/token");
        out.flush();
    }
}
