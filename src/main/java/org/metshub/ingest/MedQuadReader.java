package org.metshub.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.metshub.error.MetsHubException.BadInput;
import org.metshub.error.MetsHubException.Internal;
import org.metshub.kb.Slugs;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads MedQuAD XML files ({@code <Document id source url>} with {@code <Focus>} and {@code
 * <QAPairs>} of {@code <Question qtype>} and {@code <Answer>}) into one document per file: the
 * focus is the title, and each question type is one section headed by its first question, holding
 * its answers. Questions without an answer are left out with a note; a file with no answer at all
 * is rejected. MedQuAD is CC BY 4.0, the licence written unless the command states another.
 *
 * <p>Safety: the JDK parser is configured for untrusted XML: a DOCTYPE is refused outright, so no
 * external entity, external DTD or entity expansion ("billion laughs") can happen, and secure
 * processing limits are on. Thread-safe (one parser per call).
 */
final class MedQuadReader implements SourceReader {
  static final String CITATION = "MedQuAD (Ben Abacha & Demner-Fushman, 2019), CC BY 4.0";
  static final String LICENSE = "cc_by";

  private final ImportOptions options;

  MedQuadReader(ImportOptions options) {
    this.options = options;
  }

  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
  }

  /** A parser that refuses DOCTYPEs, external entities and XInclude. */
  static DocumentBuilder safeParser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new DefaultHandler()); // errors throw; nothing is printed to stderr
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not allowed, got " + systemId);
          });
      return b;
    } catch (ParserConfigurationException e) {
      throw new Internal("the JDK XML parser cannot be made safe: " + e.getMessage(), e);
    }
  }

  @Override
  public List<ImportItem> read(Path file) {
    String origin = file.toString();
    Document xml;
    try {
      String text = SourceFile.read(file);
      xml = safeParser().parse(new InputSource(new StringReader(text)));
    } catch (BadInput e) {
      return List.of(new ImportItem.Rejected(origin, e.getMessage()));
    } catch (SAXParseException e) {
      return List.of(
          new ImportItem.Rejected(
              origin,
              origin
                  + ":"
                  + Math.max(1, e.getLineNumber())
                  + ": not well-formed or unsafe XML: "
                  + e.getMessage()));
    } catch (SAXException | IOException e) {
      return List.of(
          new ImportItem.Rejected(
              origin, origin + ": not well-formed or unsafe XML: " + e.getMessage()));
    }
    Element root = xml.getDocumentElement();
    if (!root.getTagName().equals("Document")) {
      return List.of(
          new ImportItem.Rejected(
              origin,
              origin
                  + ": a MedQuAD file must have a"
                  + " <Document> root element, got <"
                  + root.getTagName()
                  + ">"));
    }
    String focus = collapse(childText(root, "Focus"));
    if (focus.isEmpty()) {
      return List.of(
          new ImportItem.Rejected(
              origin, origin + ": <Focus> (the title) is missing" + " or empty"));
    }
    Map<String, List<String[]>> byType = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    NodeList pairs = root.getElementsByTagName("QAPair");
    for (int i = 0; i < pairs.getLength(); i++) {
      Element pair = (Element) pairs.item(i);
      Element q = first(pair, "Question");
      String question = q == null ? "" : collapse(q.getTextContent());
      String qtype = q == null ? "" : q.getAttribute("qtype").strip();
      String answer = answerText(childText(pair, "Answer"));
      if (answer.isEmpty()) {
        notes.add("question '" + question + "' has no answer; left out");
        continue;
      }
      byType
          .computeIfAbsent(qtype.isEmpty() ? "other" : qtype, k -> new ArrayList<>())
          .add(new String[] {question, answer});
    }
    if (byType.isEmpty()) {
      return List.of(new ImportItem.Rejected(origin, origin + ": no question has an answer"));
    }
    StringBuilder body = new StringBuilder("# ").append(focus).append("\n\n");
    for (var e : byType.entrySet()) {
      List<String[]> qas = e.getValue();
      String heading = qas.get(0)[0].isEmpty() ? label(e.getKey()) : tidyQuestion(qas.get(0)[0]);
      body.append("## ").append(heading).append("\n\n");
      for (int k = 0; k < qas.size(); k++) {
        if (k > 0 && !qas.get(k)[0].isEmpty()) {
          body.append("**").append(tidyQuestion(qas.get(k)[0])).append("**\n\n");
        }
        body.append(qas.get(k)[1]).append("\n\n");
      }
    }
    FrontMatterBuilder fm = new FrontMatterBuilder();
    Set<String> stated = new HashSet<>(Set.of("title"));
    fm.title = focus;
    fm.id = Slugs.of(focus);
    fm.docType = "article";
    fm.reviewFrequency = "annual";
    fm.citation = CITATION;
    stated.add("citation");
    String url = root.getAttribute("url").strip();
    if (!url.isEmpty()) {
      fm.url = url;
      stated.add("url");
    }
    String source = root.getAttribute("source").strip();
    if (!source.isEmpty()) {
      fm.source = source;
      stated.add("source");
    }
    if (options.license().isEmpty()) {
      fm.license = LICENSE;
      stated.add("license");
    }
    StatedFields.apply(options, fm, stated);
    fm.extra.put(
        "medquadId",
        com.fasterxml.jackson.databind.node.TextNode.valueOf(root.getAttribute("id").strip()));
    return List.of(
        new ImportItem.Draft(
            origin,
            ImportItem.Type.DOCUMENT,
            "",
            fm.id,
            fm.build(),
            stated,
            Map.of(),
            body.toString().strip() + "\n",
            notes));
  }

  private static @Nullable Element first(Element parent, String tag) {
    NodeList l = parent.getElementsByTagName(tag);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  private static String childText(Element parent, String tag) {
    Element e = first(parent, tag);
    return e == null ? "" : e.getTextContent();
  }

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** An answer's text: lines trimmed, blank lines dropped, each line a paragraph. */
  private static String answerText(String s) {
    List<String> lines = new ArrayList<>();
    for (String line : s.split("\n")) {
      String l = line.replaceAll("[ \\t\\u00A0]+", " ").strip();
      if (!l.isEmpty()) {
        lines.add(l.startsWith("#") ? "\\" + l : l);
      }
    }
    return String.join("\n\n", lines);
  }

  /** MedQuAD questions end in " ?" (a template artefact): "What is X ?" becomes "What is X?". */
  private static String tidyQuestion(String q) {
    return q.replaceAll("\\s+\\?", "?").replaceAll("\\?+", "?");
  }

  private static String label(String qtype) {
    return qtype.isEmpty() ? "Other" : Character.toUpperCase(qtype.charAt(0)) + qtype.substring(1);
  }
}
