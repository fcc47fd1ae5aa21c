package io.camelgenesys.core;

import java.util.Locale;

/**
 * The Genesys Cloud regions. The {@code region} option takes either the region's host domain
 * ({@code mypurecloud.ie}) or its AWS-style name as the Genesys SDKs spell it ({@code eu_west_1},
 * {@code eu-west-1}); the API host is {@code api.{domain}} and the login host {@code login.{domain}}.
 */
public enum GenesysRegion {
    us_east_1("mypurecloud.com"),
    eu_west_1("mypurecloud.ie"),
    ap_southeast_2("mypurecloud.com.au"),
    ap_northeast_1("mypurecloud.jp"),
    eu_central_1("mypurecloud.de"),
    us_west_2("usw2.pure.cloud"),
    ca_central_1("cac1.pure.cloud"),
    ap_northeast_2("apne2.pure.cloud"),
    eu_west_2("euw2.pure.cloud"),
    ap_south_1("aps1.pure.cloud"),
    us_east_2("use2.us-gov-pure.cloud"),
    sa_east_1("sae1.pure.cloud"),
    me_central_1("mec1.pure.cloud"),
    ap_northeast_3("apne3.pure.cloud"),
    eu_central_2("euc2.pure.cloud"),
    mx_central_1("mxc1.pure.cloud"),
    ap_southeast_1("apse1.pure.cloud");

    /** The domains, in enum order, as listed in the {@code region} option's {@code enums}. */
    public static final String DOMAINS = "mypurecloud.com,mypurecloud.ie,mypurecloud.com.au,mypurecloud.jp,mypurecloud.de,"
                                         + "usw2.pure.cloud,cac1.pure.cloud,apne2.pure.cloud,euw2.pure.cloud,aps1.pure.cloud,"
                                         + "use2.us-gov-pure.cloud,sae1.pure.cloud,mec1.pure.cloud,apne3.pure.cloud,"
                                         + "euc2.pure.cloud,mxc1.pure.cloud,apse1.pure.cloud";

    private final String domain;

    GenesysRegion(String domain) {
        this.domain = domain;
    }

    public String domain() {
        return domain;
    }

    public String apiBaseUrl() {
        return "https://api." + domain;
    }

    public String loginBaseUrl() {
        return "https://login." + domain;
    }

    /**
     * Resolves a region from its domain or name.
     *
     * @throws IllegalArgumentException naming the accepted values when the text matches no region
     */
    public static GenesysRegion of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The region option is empty; use a Genesys Cloud region domain such as "
                                               + "mypurecloud.com or mypurecloud.ie");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (GenesysRegion r : values()) {
            if (r.domain.equals(t) || r.name().equals(t.replace('-', '_'))) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown Genesys Cloud region '" + text + "'. Use one of: " + DOMAINS
                                           + " (or its region name such as eu_west_1), or set baseUrl");
    }
}
