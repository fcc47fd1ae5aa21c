package io.camelgenesys.udm.model;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import io.camelgenesys.core.json.GenesysModel;

/**
 * One page of a UDM listing (PagedResponse, seed 002 L9089-9108): {@code count} matching items in all, this page
 * starting at {@code from}, asked with {@code size}, and its {@code items}. listJobs, listHistory and listFiles answer
 * one with {@code outputType=model} (the default); {@code pageAll=true} streams the items of every page instead. It
 * iterates over its items, so {@code split(body())} splits a page.
 * <p>
 * Fields this class does not declare are kept (GenesysModel).
 *
 * @param <T> the item model: {@link JobInfo} or {@link FileMetadata}
 */
public class PagedResponse<T> extends GenesysModel implements Iterable<T> {

    private Integer count;
    private Integer from;
    private Integer size;
    private List<T> items;

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public Integer getFrom() {
        return from;
    }

    public void setFrom(Integer from) {
        this.from = from;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public List<T> getItems() {
        return items;
    }

    public void setItems(List<T> items) {
        this.items = items;
    }

    @Override
    public Iterator<T> iterator() {
        return items == null ? Collections.emptyIterator() : items.iterator();
    }
}
