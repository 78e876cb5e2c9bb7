package org.metshub.answer;

/** A document offered next to an answer (or instead of one): id, title and link. */
public record RelatedDocument(String docId, String title, String url) {}
