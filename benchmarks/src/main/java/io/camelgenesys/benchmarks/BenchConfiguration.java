package io.camelgenesys.benchmarks;

import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of {@code genesys-bench}: the shared ones and the item id its rows bind to. */
@UriParams
public class BenchConfiguration extends GenesysConfiguration {

    @UriParam(description = "The item id of getItem")
    private String itemId;

    @Override
    public BenchConfiguration copy() {
        return (BenchConfiguration) super.copy();
    }

    public String getItemId() {
        return itemId;
    }

    public void setItemId(String itemId) {
        this.itemId = itemId;
    }
}
