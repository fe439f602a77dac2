package io.scrilla.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Text labels beside points of an XY chart, in data coordinates; each is placed at the first of
 * twenty-four spots around its point (right, left, above, below and the corners between, near then
 * farther) where it overlaps neither an earlier label nor another labelled point, else where it
 * overlaps them least; a label placed away from its point is joined to it by a thin line.
 */
final class PointLabels extends Annotation {
  /** Pixels between a point and its label. */
  private static final int GAP = 7;

  /** Candidate spots at each distance from a point. */
  private static final int SPOTS_PER_RING = 8;

  private static final BasicStroke LEADER = new BasicStroke(1f);
  private static final Color LEADER_COLOR = new Color(120, 120, 120);

  /** Pixels around a point kept free of labels. */
  private static final int POINT_RADIUS = 5;

  /** Anti-aliased text with fractional metrics, as the charts draw it. */
  private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

  private final List<String> texts = new ArrayList<>();
  private final List<double[]> points = new ArrayList<>();
  private final Font font;

  PointLabels(Font font) {
    super(false);
    this.font = font;
  }

  /** Adds a label beside the point {@code (x, y)} in data coordinates. */
  PointLabels add(String text, double x, double y) {
    texts.add(text);
    points.add(new double[] {x, y});
    return this;
  }

  @Override
  public void paint(Graphics2D g) {
    if (!isVisible || texts.isEmpty()) {
      return;
    }
    g.setFont(font);
    g.setColor(styler.getChartFontColor());
    int n = texts.size();
    int[] sx = new int[n];
    int[] sy = new int[n];
    List<Rectangle2D> taken = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sx[i] = getXAxisScreenValue(points.get(i)[0]);
      sy[i] = getYAxisScreenValue(points.get(i)[1]);
      int r = POINT_RADIUS;
      taken.add(new Rectangle2D.Double(sx[i] - r, sy[i] - r, 2 * r, 2 * r));
    }
    Rectangle2D union = null;
    for (int i = 0; i < n; i++) {
      // measured without the graphics, whose metrics differ between bitmap and SVG output
      double w = font.getStringBounds(texts.get(i), MEASURE).getWidth();
      double h = 0.8 * font.getLineMetrics(texts.get(i), MEASURE).getAscent(); // a capital's height
      Rectangle2D chosen = null;
      boolean far = false;
      double least = Double.POSITIVE_INFINITY;
      List<Rectangle2D> spots = spots(sx[i], sy[i], w, h);
      for (int k = 0; k < spots.size(); k++) {
        double overlap = overlap(spots.get(k), taken, i);
        if (overlap < least) {
          least = overlap;
          chosen = spots.get(k);
          far = k >= SPOTS_PER_RING;
        }
        if (overlap == 0) {
          break;
        }
      }
      taken.add(chosen);
      if (far) {
        leader(g, sx[i], sy[i], chosen);
      }

      // as outlines, like the chart's own text: the same glyphs in PNG and SVG, whatever fonts
      // the SVG viewer has
      Shape glyphs = new TextLayout(texts.get(i), font, MEASURE).getOutline(null);
      AffineTransform at = AffineTransform.getTranslateInstance(chosen.getX(), chosen.getY() + h);
      g.fill(at.createTransformedShape(glyphs));
      union = union == null ? chosen : union.createUnion(chosen);
    }
    bounds = union;
  }

  /**
   * Draws a thin line from a point to its label placed away from it, so it is clear whose it is.
   */
  private void leader(Graphics2D g, int x, int y, Rectangle2D label) {
    double tx = Math.max(label.getMinX(), Math.min(x, label.getMaxX()));
    double ty = Math.max(label.getMinY(), Math.min(y, label.getMaxY()));
    double dx = tx - x;
    double dy = ty - y;
    double d = Math.hypot(dx, dy);
    if (d <= POINT_RADIUS + 1) {
      return;
    }
    double from = POINT_RADIUS / d;
    double to = (d - 2) / d;
    Stroke stroke = g.getStroke();
    Paint paint = g.getPaint();
    g.setStroke(LEADER);
    g.setColor(LEADER_COLOR);
    g.draw(new Line2D.Double(x + from * dx, y + from * dy, x + to * dx, y + to * dy));
    g.setStroke(stroke);
    g.setPaint(paint);
  }

  /**
   * Returns the area the spot shares with the taken rectangles other than the point it labels (a
   * label counting ten times a point: text over text is worse than text over a marker).
   */
  private double overlap(Rectangle2D spot, List<Rectangle2D> taken, int own) {
    double area = 0;
    for (int k = 0; k < taken.size(); k++) {
      Rectangle2D t = taken.get(k);
      if (k == own || !spot.intersects(t)) {
        continue;
      }
      Rectangle2D common = spot.createIntersection(t);
      area += (k < points.size() ? 1 : 10) * common.getWidth() * common.getHeight();
    }
    return area;
  }

  /**
   * The candidate rectangles (top-left corner, width, height) of a w x h label of a point at (x,
   * y): right, above and below on the right, left, above, below, and the left corners ({@value
   * #SPOTS_PER_RING} of them); then the same three and five times as far.
   */
  private static List<Rectangle2D> spots(int x, int y, double w, double h) {
    List<Rectangle2D> out = new ArrayList<>();
    for (int gap : new int[] {GAP, 3 * GAP, 5 * GAP}) {
      out.add(new Rectangle2D.Double(x + gap, y - h / 2.0, w, h));
      out.add(new Rectangle2D.Double(x + gap, y - h - gap / 2.0, w, h));
      out.add(new Rectangle2D.Double(x + gap, y + gap / 2.0, w, h));
      out.add(new Rectangle2D.Double(x - gap - w, y - h / 2.0, w, h));
      out.add(new Rectangle2D.Double(x - w / 2.0, y - h - gap, w, h));
      out.add(new Rectangle2D.Double(x - w / 2.0, y + gap, w, h));
      out.add(new Rectangle2D.Double(x - gap - w, y - h - gap / 2.0, w, h));
      out.add(new Rectangle2D.Double(x - gap - w, y + gap / 2.0, w, h));
    }
    return out;
  }
}
