package io.labgrader.batch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Zips from students are read defensively: nothing outside the target, bounded in bytes, entries and ratio. */
class SafeUnzipTest {

    @TempDir
    Path dir;

    private Path zip(Map<String, byte[]> entries) {
        return BatchKit.zipEntries(dir.resolve("in/s.zip"), entries);
    }

    private static Map<String, byte[]> entries(String... nameAndContent) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            map.put(nameAndContent[i], nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return map;
    }

    private String rejection(Path zip, Limits limits) {
        try {
            SafeUnzip.Listing listing = SafeUnzip.list(zip, limits, "s.zip");
            readBundle(zip, listing.bundles().isEmpty() ? "" : listing.bundles().get(0), limits);
            throw new AssertionError("not rejected");
        } catch (Rejection r) {
            return r.reason().en();
        }
    }

    private static BundleFiles readBundle(Path zip, String prefix, Limits limits) throws Rejection {
        try (java.util.zip.ZipFile file = SafeUnzip.open(zip, limits, "s.zip")) {
            return SafeUnzip.readBundle(file, prefix, limits, "s.zip", "s.zip!/" + prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertNothingOutside() throws Exception {
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).allMatch(n -> n.equals("in") || n.equals("out"));
        }
        assertThat(dir.getParent().resolve("escape.txt")).doesNotExist();
    }

    @Test
    @DisplayName("\"../\" anywhere in a name rejects the zip before anything is written")
    void traversal() throws Exception {
        for (String name : new String[]{"../escape.txt", "evidence/../../escape.txt", "..\\escape.txt", "evidence\\..\\..\\escape.txt"}) {
            Path zip = zip(entries("evidence/journal.jsonl", "{}", name, "x"));
            assertThat(rejection(zip, Limits.DEFAULT)).as(name)
                    .isEqualTo("s.zip holds the path \"" + name + "\", which leads out of the submission's folder and is not unpacked"
                            + " for safety. Zip only the evidence/ folder.");
            assertNothingOutside();
        }
    }

    @Test
    @DisplayName("absolute paths and drive letters reject the zip")
    void absolute() throws Exception {
        for (String name : new String[]{"/etc/escape.txt", "\\escape.txt", "C:/escape.txt", "c:\\escape.txt"}) {
            assertThat(rejection(zip(entries("journal.jsonl", "{}", name, "x")), Limits.DEFAULT)).as(name)
                    .startsWith("s.zip holds the absolute path \"" + name + "\"");
        }
        assertNothingOutside();
    }

    @Test
    @DisplayName("a zip bomb stops at the ratio limit while inflating, without writing more than the limit")
    void bombByRatio() throws Exception {
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("evidence/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        bomb.put("evidence/journal.jsonl", new byte[20 * 1024 * 1024]);   // zeros compress about 1000:1
        Path zip = BatchKit.zipEntries(dir.resolve("in/s.zip"), bomb);
        assertThat(Files.size(zip)).isLessThan(100_000);

        assertThat(rejection(zip, Limits.DEFAULT)).isEqualTo(
                "s.zip: \"evidence/journal.jsonl\" unpacks to more than 200 times its packed size (a zip bomb?).");
        long packed;
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
            packed = file.getEntry("evidence/journal.jsonl").getCompressedSize();
        }
        Path journal = dir.resolve("out/journal.jsonl");
        assertThat(Files.exists(journal) ? Files.size(journal) : 0).as("stopped at 200 times %d bytes", packed)
                .isLessThanOrEqualTo(Math.max(Limits.MIB, packed * 200)).isLessThan(20L * 1024 * 1024);
    }

    @Test
    @DisplayName("more than the byte limit, declared or inflated, is rejected as too large")
    void tooLarge() throws Exception {
        Limits small = Limits.DEFAULT.withMaxBytes(64 * 1024);
        Map<String, byte[]> big = new LinkedHashMap<>();
        big.put("journal.jsonl", new byte[100 * 1024]);
        assertThat(rejection(BatchKit.zipEntries(dir.resolve("in/s.zip"), big), small))
                .isEqualTo("s.zip is larger than 64 KiB (unpacked); a lab's evidence is a few MiB. Submit only the evidence/ folder.");

        // sizes in the headers can lie (streamed entries carry none): the bytes are counted while inflating
        Path streamed = dir.resolve("in/streamed.zip");
        try (OutputStream os = Files.newOutputStream(streamed); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("journal.jsonl"));
            byte[] chunk = new byte[1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 100; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        Limits noRatio = new Limits(64 * 1024, 100, Integer.MAX_VALUE);
        assertThat(rejection(streamed, noRatio)).startsWith("s.zip is larger than 64 KiB");
    }

    @Test
    @DisplayName("too many entries, a name twice, an empty file and a file that is no zip are rejected with the reason")
    void malformed() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            many.put("raw/" + i + ".txt", new byte[1]);
        }
        assertThat(rejection(BatchKit.zipEntries(dir.resolve("in/s.zip"), many), new Limits(Limits.MIB, 10, 200)))
                .isEqualTo("s.zip holds 20 entries, more than the 10 allowed.");

        Path twice = dir.resolve("in/twice.zip");
        try (OutputStream os = Files.newOutputStream(twice); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("journal.jsonl"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("JOURNAL.jsonl"));   // the same file on a case-insensitive disk
            zip.closeEntry();
        }
        assertThat(rejection(twice, Limits.DEFAULT)).isEqualTo("s.zip holds \"JOURNAL.jsonl\" twice; zip the evidence again.");

        Path empty = Files.createFile(dir.resolve("in/empty.zip"));
        assertThat(rejection(empty, Limits.DEFAULT)).isEqualTo("s.zip is empty (0 bytes). Upload the zip with your evidence again.");

        Path text = Files.writeString(dir.resolve("in/text.zip"), "this is no zip");
        assertThat(rejection(text, Limits.DEFAULT)).startsWith("s.zip is not a readable zip file (")
                .endsWith("); perhaps truncated or encrypted. Zip the evidence again and upload it again.");

        Path whole = BatchKit.zip(BatchKit.PERFECT, dir.resolve("in/whole.zip"), "evidence/");
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("in/truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(rejection(truncated, Limits.DEFAULT)).startsWith("s.zip is not a readable zip file (");
    }

    @Test
    @DisplayName("a zipped bundle is read without writing anything: its manifest and journal in memory, every file hashed")
    void readsTheBundle() throws Exception {
        Path zip = BatchKit.zip(BatchKit.PERFECT, dir.resolve("in/s.zip"), "repo-main/evidence/");
        SafeUnzip.Listing listing = SafeUnzip.list(zip, Limits.DEFAULT, "s.zip");
        assertThat(listing.bundles()).containsExactly("repo-main/evidence/");

        BundleFiles bundle = readBundle(zip, "repo-main/evidence/", Limits.DEFAULT);

        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(bundle.files().keySet()).containsExactlyInAnyOrderElementsOf(BatchKit.files(BatchKit.PERFECT));
        assertThat(bundle.journal()).isEqualTo(Files.readAllBytes(BatchKit.PERFECT.resolve("journal.jsonl")));
        assertThat(bundle.manifest()).isEqualTo(Files.readAllBytes(BatchKit.PERFECT.resolve("manifest.json")));
        assertThat(bundle.files().get("journal.jsonl").sha256()).isEqualTo(io.labgrader.hashing.Hashes.sha256(BatchKit.PERFECT.resolve("journal.jsonl")));
        assertThat(bundle).usingRecursiveComparison().ignoringFields("shown")
                .isEqualTo(BundleFiles.fromFolder(BatchKit.PERFECT, "perfect"));
    }

    @Test
    @DisplayName("names from Windows' built-in zip (code page 437, no UTF-8 flag) are read")
    void cp437() throws Exception {
        Path zip = dir.resolve("in/s.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os, Charset.forName("IBM437"))) {
            out.putNextEntry(new ZipEntry("Übung/journal.jsonl"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(SafeUnzip.list(zip, Limits.DEFAULT, "s.zip").bundles()).hasSize(1);
    }
}
