package org.metshub.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Reads the stored passage vectors of a few documents and compares them with a question's vector,
 * so that every section of a retrieved page can be weighed by meaning, not only the passages the
 * nearest-neighbour search happened to return. Stateless.
 */
final class PassageVectors {
  private PassageVectors() {}

  /**
   * The cosine of the question with every passage of these documents that has a vector in {@code
   * vectorField} (the passage vector, or the section lead's when passages have none), one entry for
   * each section of a passage ({@link Fields#PARTS}), with that section's lead and questions
   * weighed too.
   */
  static List<PassageSimilarity> of(
      IndexSearcher searcher,
      float[] question,
      Collection<String> docIds,
      String headingField,
      String vectorField)
      throws IOException {
    List<PassageSimilarity> out = new ArrayList<>();
    double qNorm = norm(question);
    for (String docId : docIds) {
      Weight w =
          searcher.createWeight(
              searcher.rewrite(new TermQuery(new Term(Fields.DOC_ID, docId))),
              ScoreMode.COMPLETE_NO_SCORES,
              1);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        var scorer = w.scorer(leaf);
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(vectorField);
        if (scorer == null || vectors == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator at = vectors.iterator();
        // A passage of one section keeps no lead of its own among its parts: it is the passage's
        // lead vector, the vector compared already when passages have no vector of their own.
        FloatVectorValues leads =
            vectorField.equals(Fields.LEAD_VECTOR)
                ? null
                : leaf.reader().getFloatVectorValues(Fields.LEAD_VECTOR);
        KnnVectorValues.DocIndexIterator leadAt = leads == null ? null : leads.iterator();
        DocIdSetIterator docs = scorer.iterator();
        var live = leaf.reader().getLiveDocs();
        for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
          if (live != null && !live.get(d)) {
            continue;
          }
          if (at.docID() < d) {
            at.advance(d);
          }
          if (at.docID() != d) {
            continue;
          }
          double passage = cosine(question, qNorm, vectors.vectorValue(at.index()));
          Document stored =
              leaf.reader()
                  .storedFields()
                  .document(d, java.util.Set.of(headingField, Fields.PARTS, Fields.PART_VECTORS));
          String[] parts = stored.getValues(Fields.PARTS);
          org.apache.lucene.util.BytesRef packed = stored.getBinaryValue(Fields.PART_VECTORS);
          if (packed == null) {
            out.add(new PassageSimilarity(docId, stored.get(headingField), passage));
            continue;
          }
          boolean several = parts.length > 0;
          double ownLead = passage;
          if (!several && leads != null && leadAt != null) {
            if (leadAt.docID() < d) {
              leadAt.advance(d);
            }
            ownLead =
                leadAt.docID() == d
                    ? cosine(question, qNorm, leads.vectorValue(leadAt.index()))
                    : Double.NaN;
          }
          java.nio.ByteBuffer b =
              java.nio.ByteBuffer.wrap(packed.bytes, packed.offset, packed.length);
          float[] v = new float[question.length];
          for (String heading : several ? parts : new String[] {stored.get(headingField)}) {
            int questions = b.getInt();
            double lead = several ? next(b, v, question, qNorm) : ownLead;
            double asked = Double.NaN;
            for (int i = 0; i < questions; i++) {
              double c = next(b, v, question, qNorm);
              asked = Double.isNaN(asked) ? c : Math.max(asked, c);
            }
            out.add(new PassageSimilarity(docId, heading, passage, asked, lead));
          }
        }
      }
    }
    return out;
  }

  /** The cosine of the question with the next vector in {@code b}, read into {@code v}. */
  private static double next(java.nio.ByteBuffer b, float[] v, float[] question, double qNorm) {
    b.asFloatBuffer().get(v);
    b.position(b.position() + v.length * Float.BYTES);
    return cosine(question, qNorm, v);
  }

  static double cosine(float[] a, double aNorm, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    double n = aNorm * norm(b);
    return n == 0 ? 0 : dot / n;
  }

  static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
