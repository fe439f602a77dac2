package io.scrilla.services.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scrilla.api.model.SourceId;
import io.scrilla.services.alphavantage.AlphaVantageClient;
import io.scrilla.services.alphavantage.AlphaVantagePriceSource;
import io.scrilla.services.csv.CsvDataSource;
import io.scrilla.services.treasury.TreasuryRateSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identities the library's sources give the cache: one namespace per source and folder. */
class SourceIdentityTest {
  private static final String SPY = "date,close\n2021-01-04,368.79\n2021-01-05,371.33\n";
  private static final Instant T0 = Instant.parse("2021-06-01T12:00:00Z");

  @TempDir Path dir;

  private Path folder(String name, String spy) throws Exception {
    Path f = Files.createDirectories(dir.resolve(name));
    Path file = Files.writeString(f.resolve("SPY.csv"), spy);
    Files.setLastModifiedTime(file, FileTime.from(T0));
    return f;
  }

  private static String fingerprint(SourceId id) {
    return id.value().substring(id.value().lastIndexOf('@') + 1);
  }

  @Test
  void csvFolder_idIsCanonicalPathAndFingerprint_stableAcrossInstances() throws Exception {
    Path a = folder("a", SPY);
    SourceId id = CsvDataSource.of(a).sourceId();
    assertEquals("csv:" + a.toRealPath() + "@" + fingerprint(id), id.value());
    assertTrue(fingerprint(id).matches("[0-9a-f]{12}"), id.value());
    assertEquals(id, CsvDataSource.of(a).sourceId());
    assertEquals(id, CsvDataSource.of(dir.resolve("a").resolve("..").resolve("a")).sourceId());
  }

  @Test
  void csvFolder_otherFolderWithSameFiles_isAnotherSource() throws Exception {
    assertNotEquals(
        CsvDataSource.of(folder("a", SPY)).sourceId(),
        CsvDataSource.of(folder("b", SPY)).sourceId());
  }

  @Test
  void csvFolder_fileEditedInPlace_newInstanceHasANewId_oldInstanceKeepsItsOwn() throws Exception {
    Path a = folder("a", SPY);
    CsvDataSource before = CsvDataSource.of(a);
    SourceId first = before.sourceId();
    // the same size, only the modification time tells the edit
    Path spy = Files.writeString(a.resolve("SPY.csv"), SPY.replace("371.33", "371.34"));
    Files.setLastModifiedTime(spy, FileTime.from(T0.plusSeconds(1)));
    SourceId second = CsvDataSource.of(a).sourceId();
    assertNotEquals(first, second);
    assertEquals(first, before.sourceId(), "an instance's identity does not change");
    // a grown file, a new price file, a new yields file: each a new identity
    Files.writeString(spy, SPY + "2021-01-06,373.55\n");
    Files.setLastModifiedTime(spy, FileTime.from(T0.plusSeconds(1)));
    SourceId third = CsvDataSource.of(a).sourceId();
    Files.writeString(a.resolve("GLD.csv"), SPY);
    SourceId fourth = CsvDataSource.of(a).sourceId();
    Files.writeString(a.resolve("YIELDS.csv"), "Date,1 Yr\n01/04/2021,0.10\n");
    SourceId fifth = CsvDataSource.of(a).sourceId();
    assertEquals(5, Set.of(first, second, third, fourth, fifth).size());
  }

  @Test
  void csvFolder_filesTheCacheDoesNotHold_doNotChangeTheId() throws Exception {
    Path a = folder("a", SPY);
    SourceId id = CsvDataSource.of(a).sourceId();
    Files.writeString(a.resolve("SPY.dividends.csv"), "date,amount\n2021-01-29,1.58\n");
    Files.writeString(a.resolve("notes.txt"), "not data");
    Files.createDirectories(a.resolve("old.csv"));
    assertEquals(id, CsvDataSource.of(a).sourceId());
  }

  @Test
  void csvFolder_pathTooLongForAnId_isHashed() throws Exception {
    Path deep = dir;
    for (int i = 0; i < 8; i++) {
      deep = deep.resolve("a-rather-long-folder-name-" + i);
    }
    Path f = folder(dir.relativize(deep).toString(), SPY);
    SourceId id = CsvDataSource.of(f).sourceId();
    assertTrue(id.value().matches("csv:sha256:[0-9a-f]{32}"), id.value());
    assertNotEquals(id, CsvDataSource.of(folder("b", SPY)).sourceId());
  }

  @Test
  void bundledSample_idIsAContentHash_theSameEveryTime() {
    SourceId id = CsvDataSource.bundledSample().sourceId();
    assertTrue(id.value().matches("csv:sample:[0-9a-f]{12}"), id.value());
    assertEquals(id, CsvDataSource.bundledSample().sourceId());
  }

  @Test
  void alphaVantage_defaultUrl_isItsProviderName() {
    AlphaVantageClient c = AlphaVantageClient.builder().apiKey("IDENTITYKEY1").build();
    assertEquals(SourceId.of("alpha_vantage"), AlphaVantagePriceSource.of(c).sourceId());
  }

  @Test
  void alphaVantage_otherUrl_isAnotherSource_withoutSecrets() {
    AlphaVantageClient c =
        AlphaVantageClient.builder()
            .apiKey("IDENTITYKEY1")
            .url(URI.create("http://user:pw@127.0.0.1:8080/query?apikey=IDENTITYKEY1"))
            .build();
    SourceId id = AlphaVantagePriceSource.of(c).sourceId();
    assertEquals("alpha_vantage@http://127.0.0.1:8080/query", id.value());
    assertFalse(id.value().contains("IDENTITYKEY1") || id.value().contains("pw"), id.value());
  }

  @Test
  void treasury_defaultAndOtherUrl() {
    assertEquals(SourceId.of("treasury"), TreasuryRateSource.builder().build().sourceId());
    assertEquals(
        "treasury@http://127.0.0.1:9/feed",
        TreasuryRateSource.builder()
            .baseUrl(URI.create("http://127.0.0.1:9/feed?x=1"))
            .build()
            .sourceId()
            .value());
  }
}
