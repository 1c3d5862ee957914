package io.labgrader.probe.vm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a disk image's format and capacity from its header, and what it takes on the host, without any hypervisor
 * tool: VDI, VMDK (descriptor or sparse), VHD, qcow2. Only headers are read, never the guest's data.
 */
public final class DiskImages {

    private static final Pattern EXTENT = Pattern.compile("^(RW|RDONLY|NOACCESS)\\s+(\\d+)\\s+(\\S+)(?:\\s+\"([^\"]*)\")?", Pattern.MULTILINE);
    private static final long MAX_DESCRIPTOR = 64 * 1024;

    private DiskImages() {
    }

    /**
     * @param format         "VDI", "VMDK", "VHD", "qcow2", or null if unknown
     * @param capacityBytes  the virtual size, or null
     * @param allocatedBytes the size of the image file(s) on the host, or null
     */
    public record ImageInfo(String format, Long capacityBytes, Long allocatedBytes) {
    }

    public static ImageInfo inspect(Path image) {
        if (!Files.isRegularFile(image)) {
            return new ImageInfo(formatFromName(image.getFileName() == null ? "" : image.getFileName().toString()), null, null);
        }
        Long allocated = size(image);
        byte[] head = head(image, 512);
        if (head.length >= 4 && head[0] == 'K' && head[1] == 'D' && head[2] == 'M' && head[3] == 'V') {
            // monolithic sparse VMDK: capacity in sectors at offset 12
            return new ImageInfo("VMDK", le(head, 12) * 512, allocated);
        }
        if (head.length >= 32 && head[0] == 'Q' && head[1] == 'F' && head[2] == 'I' && (head[3] & 0xff) == 0xfb) {
            return new ImageInfo("qcow2", be(head, 24), allocated);
        }
        if (head.length >= 72 && (int) le4(head, 64) == 0xBEDA107F) {
            byte[] vdi = head(image, 400);
            return new ImageInfo("VDI", vdi.length >= 376 ? le(vdi, 368) : null, allocated);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.contains("# Disk DescriptorFile") || text.contains("createType")) {
            return vmdkDescriptor(image, allocated);
        }
        Long vhd = vhdCapacity(image);
        if (vhd != null) {
            return new ImageInfo("VHD", vhd, allocated);
        }
        return new ImageInfo(formatFromName(image.getFileName().toString()), null, allocated);
    }

    /** A VMDK text descriptor: capacity is the sum of its extents; allocation the sum of the extent files. */
    static ImageInfo vmdkDescriptor(Path descriptor, Long descriptorSize) {
        String text;
        try {
            if (Files.size(descriptor) > MAX_DESCRIPTOR) {
                return new ImageInfo("VMDK", null, descriptorSize);
            }
            text = Files.readString(descriptor, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return new ImageInfo("VMDK", null, descriptorSize);
        }
        List<Extent> extents = extents(text);
        long capacity = 0;
        long allocated = descriptorSize == null ? 0 : descriptorSize;
        for (Extent e : extents) {
            capacity += e.sectors() * 512;
            if (e.file() != null) {
                Path f = descriptor.resolveSibling(e.file());
                Long s = size(f);
                if (s != null) {
                    allocated += s;
                }
            }
        }
        return new ImageInfo("VMDK", extents.isEmpty() ? null : capacity, allocated);
    }

    /** Extent lines of a VMDK descriptor: {@code RW 41943040 SPARSE "disk-s001.vmdk"}. */
    public static List<Extent> extents(String descriptor) {
        List<Extent> result = new ArrayList<>();
        Matcher m = EXTENT.matcher(descriptor);
        while (m.find()) {
            result.add(new Extent(Long.parseLong(m.group(2)), m.group(3), m.group(4)));
        }
        return result;
    }

    public record Extent(long sectors, String type, String file) {
    }

    static String formatFromName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".vdi")) {
            return "VDI";
        }
        if (n.endsWith(".vmdk")) {
            return "VMDK";
        }
        if (n.endsWith(".vhdx")) {
            return "VHDX";
        }
        if (n.endsWith(".vhd")) {
            return "VHD";
        }
        if (n.endsWith(".qcow2")) {
            return "qcow2";
        }
        if (n.endsWith(".hdd")) {
            return "HDD";
        }
        return null;
    }

    private static Long vhdCapacity(Path image) {
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "r")) {
            long len = f.length();
            if (len < 512) {
                return null;
            }
            byte[] footer = new byte[512];
            f.seek(len - 512);
            f.readFully(footer);
            if (!new String(footer, 0, 8, StandardCharsets.ISO_8859_1).equals("conectix")) {
                return null;
            }
            return be(footer, 48);
        } catch (IOException e) {
            return null;
        }
    }

    static Long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] head(Path file, int n) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static long le(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static long le4(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static long be(byte[] b, int off) {
        return ByteBuffer.wrap(b, off, 8).order(ByteOrder.BIG_ENDIAN).getLong();
    }
}
