package org.metshub.web;

import java.util.List;
import java.util.stream.Collectors;
import org.metshub.directory.Organization;
import org.metshub.kb.FrontMatter;
import org.metshub.kb.KbDocument;

/** Documents and organisations as the small views that lists show. */
final class Cards {
  private Cards() {}

  static String docHref(String id) {
    return org.metshub.api.Pages.doc(id);
  }

  static Views.DocLink doc(KbDocument d, Ui ui) {
    FrontMatter fm = d.frontMatter();
    String meta =
        String.join(
            " · ",
            List.of(
                ui.facetValue("docType", fm.docType()),
                fm.source().isEmpty() ? "MetsHub" : fm.source(),
                "news".equals(fm.docType())
                    ? ui.date(PublicDocuments.published(d))
                    : ui.t("doc.reviewedOn", ui.date(fm.lastReviewed()))));
    return new Views.DocLink(
        docHref(d.id()), fm.title(), meta, fm.language().equals(ui.lang()) ? "" : fm.language());
  }

  static List<Views.DocLink> docs(List<KbDocument> ds, Ui ui) {
    return ds.stream().map(d -> doc(d, ui)).toList();
  }

  /**
   * An organisation in the reader's language: its Spanish summary on the Spanish site when it has
   * one (else the English one, marked as such), countries and languages by name, the phone as a
   * {@code tel:} link.
   */
  static Views.OrgView org(Organization o, Ui ui) {
    boolean untranslated = o.summaryUntranslated(ui.lang());
    return new Views.OrgView(
        o.name(),
        docHref(o.id()),
        o.url(),
        o.summary(ui.lang()),
        untranslated ? o.language() : "",
        o.phone(),
        o.phone().isBlank() ? "" : o.tel(),
        o.countries().stream().map(ui::country).collect(Collectors.joining(", ")),
        o.services().stream().map(ui::service).collect(Collectors.joining(", ")),
        o.languages().stream().map(ui::languageLabel).collect(Collectors.joining(", ")),
        o.url().replaceFirst("^https?://(www\\.)?", "").replaceFirst("/$", ""));
  }

  static List<Views.OrgView> orgs(List<Organization> os, Ui ui) {
    return os.stream().map(o -> org(o, ui)).toList();
  }
}
