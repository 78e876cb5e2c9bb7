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
    return "/docs/" + Text.url(id);
  }

  static Views.DocLink doc(KbDocument d, Ui ui) {
    FrontMatter fm = d.frontMatter();
    String meta = String.join(" · ", List.of(
        ui.facetValue("docType", fm.docType()),
        fm.source().isEmpty() ? "MetsHub" : fm.source(),
        "news".equals(fm.docType())
            ? ui.date(PublicDocuments.published(d))
            : ui.t("doc.reviewedOn", ui.date(fm.lastReviewed()))));
    return new Views.DocLink(docHref(d.id()), fm.title(), meta);
  }

  static List<Views.DocLink> docs(List<KbDocument> ds, Ui ui) {
    return ds.stream().map(d -> doc(d, ui)).toList();
  }

  static Views.OrgView org(Organization o, Ui ui) {
    return new Views.OrgView(o.name(), docHref(o.id()), o.url(), o.summary(), o.phone(),
        String.join(", ", o.countries()),
        o.services().stream().map(ui::service).collect(Collectors.joining(", ")),
        o.languages().stream().map(ui::languageName).collect(Collectors.joining(", ")));
  }

  static List<Views.OrgView> orgs(List<Organization> os, Ui ui) {
    return os.stream().map(o -> org(o, ui)).toList();
  }
}
