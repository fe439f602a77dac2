package io.scrilla.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.scrilla.api.error.InvalidInputException;
import io.scrilla.api.error.SafeText;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart to a PNG or SVG file, chosen by the file's extension, or draws it into an image;
 * stateless and thread-safe (a chart itself must not be drawn by two threads at once).
 *
 * <p>Sizes are in pixels, {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} unless given; the SVG
 * document declares the same width and height. Drawing needs no display: it works with {@code
 * java.awt.headless=true}. Drawing a chart at a size makes that its size ({@link
 * Chart#getWidth()}).
 *
 * <pre>{@code
 * XYChart chart = Charts.efficientFrontier(frontier, window, EstimationMethod.MOMENTS);
 * ChartWriter.write(chart, Path.of("frontier.svg"));
 * BufferedImage image = ChartWriter.image(chart); // e.g. to show inline in a notebook
 * }</pre>
 */
public final class ChartWriter {
  /** The default width in pixels. */
  public static final int DEFAULT_WIDTH = 1200;

  /** The default height in pixels. */
  public static final int DEFAULT_HEIGHT = 800;

  /** The largest width or height accepted, in pixels. */
  public static final int MAX_SIZE = 20_000;

  private ChartWriter() {}

  /** The file formats, by extension. */
  private enum Format {
    PNG,
    SVG
  }

  /**
   * Writes the chart at {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} pixels.
   *
   * @param chart the chart
   * @param file a file name ending in {@code .png} or {@code .svg} (any case); replaced if it
   *     exists
   * @return the file written, as given
   * @throws InvalidInputException for any other extension, or when the file cannot be written
   */
  public static Path write(Chart<?, ?> chart, Path file) {
    return write(chart, file, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * Writes the chart at a size.
   *
   * @param chart the chart
   * @param file a file name ending in {@code .png} or {@code .svg} (any case); replaced if it
   *     exists
   * @param width pixels, 1 to {@value #MAX_SIZE}
   * @param height pixels, 1 to {@value #MAX_SIZE}
   * @return the file written, as given
   * @throws InvalidInputException for any other extension, a size out of range, or when the file
   *     cannot be written
   */
  public static Path write(Chart<?, ?> chart, Path file, int width, int height) {
    Objects.requireNonNull(chart, "chart");
    Format format = format(file);
    checkSize(width, height);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (format == Format.PNG) {
        if (!ImageIO.write(image(chart, width, height), "png", out)) {
          throw new IOException("no PNG writer in this Java runtime");
        }
      } else {
        VectorGraphics2D g = new VectorGraphics2D();
        hints(g);
        g.setRenderingHint(
            RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        chart.paint(g, width, height);
        new SVGProcessor()
            .getDocument(g.getCommands(), new PageSize(0, 0, width, height))
            .writeTo(out);
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot write the plot to " + SafeText.quote(file.toString()) + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Draws the chart into a new image of {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} pixels.
   *
   * @param chart the chart
   * @return an RGB image
   */
  public static BufferedImage image(Chart<?, ?> chart) {
    return image(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * Draws the chart into a new image.
   *
   * @param chart the chart
   * @param width pixels, 1 to {@value #MAX_SIZE}
   * @param height pixels, 1 to {@value #MAX_SIZE}
   * @return an RGB image of that size
   * @throws InvalidInputException for a size out of range
   */
  public static BufferedImage image(Chart<?, ?> chart, int width, int height) {
    Objects.requireNonNull(chart, "chart");
    checkSize(width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      hints(g);
      chart.paint(g, width, height);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Sets the same text and shape quality for both outputs, so text measures the same in each. */
  private static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    // whole-pixel glyph advances, as XChart assumes when it sizes the legend around the text
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  /**
   * Checks that a file name ends in {@code .png} or {@code .svg}.
   *
   * @param file the file
   * @throws InvalidInputException naming the file and the allowed extensions otherwise
   */
  public static void checkExtension(Path file) {
    format(file);
  }

  private static Format format(Path file) {
    Objects.requireNonNull(file, "file");
    Path name = file.getFileName();
    String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (s.endsWith(".png") && s.length() > 4) {
      return Format.PNG;
    }
    if (s.endsWith(".svg") && s.length() > 4) {
      return Format.SVG;
    }
    throw new InvalidInputException(
        "cannot write a plot to "
            + SafeText.quote(file.toString())
            + ": the file name must end in .png or .svg");
  }

  private static void checkSize(int width, int height) {
    if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
      throw new InvalidInputException(
          "plot size "
              + width
              + " x "
              + height
              + " is out of range: use 1 to "
              + MAX_SIZE
              + " pixels each way");
    }
  }
}
