package org.imrindex.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.imrindex.schema.FacetDimension;
import org.imrindex.query.RangeField;

/** Completion candidates: the facet dimension names. */
final class Dimensions implements Iterable<String> {

  @Override
  public Iterator<String> iterator() {
    List<String> out = new ArrayList<>();
    for (FacetDimension d : FacetDimension.values()) {
      out.add(d.dim());
    }
    return out.iterator();
  }

  /** Completion candidates for --facet: the dimensions and "all". */
  static final class WithAll implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> out = new ArrayList<>();
      new Dimensions().forEach(out::add);
      out.add("all");
      return out.iterator();
    }
  }

  /** Completion candidates for --filter: "dim=" for every dimension and range field. */
  static final class FilterKeys implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> out = new ArrayList<>();
      new Dimensions().forEach(d -> out.add(d + "="));
      for (RangeField r : RangeField.values()) {
        if (!out.contains(r.key() + "=")) {
          out.add(r.key() + "=");
        }
      }
      return out.iterator();
    }
  }
}
