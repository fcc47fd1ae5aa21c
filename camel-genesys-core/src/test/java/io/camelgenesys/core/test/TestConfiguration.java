package io.camelgenesys.core.test;

import io.camelgenesys.core.GenesysConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** The options of the test-only component {@code genesys-test}: the shared ones and those its rows bind to. */
@UriParams
public class TestConfiguration extends GenesysConfiguration {

    @UriParam(description = "The item id")
    private String itemId;

    @UriParam(description = "Offset paging start")
    private Integer from;

    @UriParam(description = "renameItem: the item, bound to the itemId path variable by an alias")
    private String itemKey;

    @UriParam(description = "renameItem: the new name the row's preparer puts in the body")
    private String newName;

    @UriParam(description = "findItems: tags, sent comma-joined (collection format csv)")
    private String tags;

    @UriParam(description = "findItems: labels, sent as the parameter repeated (collection format multi)")
    private String labels;

    @Override
    public TestConfiguration copy() {
        return (TestConfiguration) super.copy();
    }

    public String getItemId() {
        return itemId;
    }

    public void setItemId(String itemId) {
        this.itemId = itemId;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public String getItemKey() {
        return itemKey;
    }

    public void setItemKey(String itemKey) {
        this.itemKey = itemKey;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }
}
