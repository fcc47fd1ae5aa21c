package io.camelgenesys.core.operation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One page of a paged response: its items, what the response said about the whole set, and the query of the next
 * page ({@code null} on the last one).
 *
 * @param items      the page's items as JSON
 * @param total      total matching items, when reported
 * @param pageNumber page-number paging: this page
 * @param pageSize   the page size
 * @param pageCount  page-number paging: the page count
 * @param nextCursor cursor paging: where the next page starts
 * @param nextQuery  the query parameters that fetch the next page, {@code null} when there is none
 * @param truncated  page-number paging: more items match than the 1,000-record cap lets page-number paging reach
 */
public record Page(List<JsonNode> items, Long total, Integer pageNumber, Integer pageSize, Integer pageCount,
                   String nextCursor, Map<String, String> nextQuery, boolean truncated) {
}
