package org.metshub.kb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a Markdown body into {@link Section}s by heading, with commonmark-java. Each heading opens a
 * section whose path is the chain of enclosing headings; text before the first heading forms a
 * section with an empty path. Empty headings ({@code ##} alone) close deeper sections but add
 * nothing to the path. Images keep only their alt text; raw HTML is dropped. Thread-safe.
 */
public final class MarkdownSections {
  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private MarkdownSections() {}

  /** Parses a body whose first line is file line {@code firstLine}. */
  public static List<Section> parse(String body, String baseUrl, int firstLine) {
    Node doc = PARSER.parse(body);
    var builder = new Builder(baseUrl, firstLine);
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        builder.heading(h.getLevel(), inlineText(h, new ArrayList<>(), baseUrl), lineOf(h));
      } else {
        builder.block(n);
      }
    }
    return builder.finish();
  }

  private static int lineOf(Node n) {
    return n.getSourceSpans().isEmpty() ? 0 : n.getSourceSpans().get(0).getLineIndex();
  }

  /** Resolves a site-relative or relative link against the document URL. */
  public static String resolve(String baseUrl, String href) {
    if (href == null || href.isBlank()) {
      return "";
    }
    String h = href.strip();
    if (baseUrl == null || baseUrl.isBlank() || h.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      return h;
    }
    try {
      return URI.create(baseUrl.strip()).resolve(h.replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return h;
    }
  }

  private static String inlineText(Node parent, List<org.metshub.kb.Link> links, String base) {
    var sb = new StringBuilder();
    parent.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            sb.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            sb.append(code.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak b) {
            sb.append(' ');
          }

          @Override
          public void visit(HardLineBreak b) {
            sb.append('\n');
          }

          @Override
          public void visit(HtmlInline html) {
            // raw HTML carries no text we want to index or show
          }

          @Override
          public void visit(Image image) {
            // an image contributes nothing but its alt text, which visitChildren appends
            visitChildren(image);
          }

          @Override
          public void visit(Link link) {
            int start = sb.length();
            visitChildren(link);
            links.add(
                new org.metshub.kb.Link(
                    sb.substring(start).strip(), resolve(base, link.getDestination())));
          }
        });
    return sb.toString().strip();
  }

  private static final class Builder {
    private final String baseUrl;
    private final int firstLine;
    private final List<Section> sections = new ArrayList<>();
    private final @Nullable String[] path = new String[7];
    private StringBuilder text = new StringBuilder();
    private List<org.metshub.kb.Link> links = new ArrayList<>();
    private int sectionLine;

    Builder(String baseUrl, int firstLine) {
      this.baseUrl = baseUrl;
      this.firstLine = firstLine;
      this.sectionLine = firstLine;
    }

    void heading(int level, String title, int line) {
      flush();
      path[level] = title;
      for (int i = level + 1; i < path.length; i++) {
        path[i] = null;
      }
      sectionLine = firstLine + line;
    }

    void block(Node n) {
      var sb = new StringBuilder();
      appendBlock(n, sb, "");
      String s = sb.toString().strip();
      if (!s.isEmpty()) {
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(s);
      }
    }

    private void appendBlock(Node n, StringBuilder sb, String indent) {
      if (n instanceof Paragraph) {
        sb.append(indent).append(inlineText(n, links, baseUrl)).append('\n');
      } else if (n instanceof org.commonmark.node.ListBlock) {
        for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
          appendBlock(item, sb, indent);
        }
      } else if (n instanceof ListItem) {
        var inner = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
          appendBlock(c, inner, "");
        }
        String t = inner.toString().strip().replace("\n", "\n" + indent + "  ");
        if (!t.isEmpty()) {
          sb.append(indent).append("- ").append(t).append('\n');
        }
      } else if (n instanceof BlockQuote) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
          appendBlock(c, sb, indent);
        }
      } else if (n instanceof FencedCodeBlock f) {
        sb.append(f.getLiteral());
      } else if (n instanceof IndentedCodeBlock c) {
        sb.append(c.getLiteral());
      } else if (n instanceof HtmlBlock || n instanceof ThematicBreak) {
        // no text to keep
      } else if (n instanceof Heading h) {
        sb.append(inlineText(h, links, baseUrl)).append('\n');
      } else if (n instanceof Block) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
          appendBlock(c, sb, indent);
        }
      }
    }

    private void flush() {
      if (text.length() > 0 || !links.isEmpty()) {
        List<String> headings = new ArrayList<>();
        for (String p : path) {
          if (p != null && !p.isBlank()) {
            headings.add(p);
          }
        }
        sections.add(new Section(headings, text.toString(), links, sectionLine));
      }
      text = new StringBuilder();
      links = new ArrayList<>();
    }

    List<Section> finish() {
      flush();
      return List.copyOf(sections);
    }
  }
}
