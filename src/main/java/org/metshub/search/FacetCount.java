package org.metshub.search;

/** One facet value with the number of matching passages (or documents when collapsed). */
public record FacetCount(String value, int count) {}
