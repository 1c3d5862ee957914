package io.labgrader.probe.vm;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what VBoxManage prints, in the forms of VirtualBox 5.x, 6.x and 7.x. Pure functions. What a
 * {@code showvminfo --machinereadable} map says about a machine (state, adapters, media) is {@link VBoxMachineInfo}.
 */
public final class VBoxManageParser {

    private static final Pattern LIST_LINE = Pattern.compile("^\"(.*)\" \\{([0-9a-fA-F-]+)}\\s*$");
    private static final Pattern VERSION = Pattern.compile("^(\\d+\\.\\d+(?:\\.\\d+)?)");
    /**
     * 5.x/6.x, and 7.x with --old-format: {@code "Name: %ls, value: %ls, timestamp: %lld, flags: %ls\n"}
     * (VBoxManageGuestProp.cpp). A property the guest wrote has no flags, so its line ends in "flags: " and nothing,
     * or "flags:" once trailing blanks are gone (a copy from a terminal or a forum post).
     */
    private static final Pattern OLD_PROP = Pattern.compile("^Name: (.*?), value: (.*), timestamp: (-?\\d+), flags:(?: (.*))?$");
    /** 7.x: name padded, = 'value', then "@ 2025-11-20T14:12:08.964Z" and flags */
    private static final Pattern NEW_PROP = Pattern.compile("^(/\\S*)\\s*= '(.*)'(?:\\s+@ (\\S+))?(?:\\s+(\\S.*))?\\s*$");
    private static final Pattern MBYTES = Pattern.compile("(\\d+)\\s*MBytes");

    private VBoxManageParser() {
    }

    public record ListedVm(String name, String uuid) {
    }

    public record GuestProperty(String name, String value, Instant timestamp, String flags) {
    }

    /**
     * @param uuid       the medium's UUID
     * @param parentUuid the parent's UUID for a differencing image (a snapshot), else null ("base")
     */
    public record MediumInfo(String uuid, String parentUuid, String location, String format, Long capacityBytes,
                             Long sizeOnDiskBytes) {
    }

    /** {@code VBoxManage list vms}: {@code "name" {uuid}} per line. */
    public static List<ListedVm> listVms(String out) {
        List<ListedVm> vms = new ArrayList<>();
        for (String line : out.split("\\R")) {
            Matcher m = LIST_LINE.matcher(line.strip());
            if (m.matches()) {
                vms.add(new ListedVm(m.group(1), m.group(2).toLowerCase(Locale.ROOT)));
            }
        }
        return vms;
    }

    /** {@code VBoxManage --version}: "7.1.4r165100" or "6.1.38_Ubuntur153438" gives "7.1.4", "6.1.38". */
    public static String version(String out) {
        for (String line : out.split("\\R")) {
            Matcher m = VERSION.matcher(line.strip());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * {@code showvminfo --machinereadable}: {@code key=value} lines, keys and string values in double quotes
     * (backslash escapes), numbers bare; keys with spaces are quoted ({@code "SATA Controller-0-0"="…"}), and a few
     * (GuestAdditionsFacility_…) are neither quoted nor free of spaces. Lines of another shape are skipped.
     */
    public static Map<String, String> machineReadable(String out) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = out.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String key;
            int rest;
            if (line.startsWith("\"")) {
                int end = closingQuote(line, 1);
                if (end < 0 || end + 1 >= line.length() || line.charAt(end + 1) != '=') {
                    continue;
                }
                key = unescape(line.substring(1, end));
                rest = end + 2;
            } else {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                key = line.substring(0, eq);
                rest = eq + 1;
            }
            String raw = line.substring(rest);
            String value;
            if (raw.startsWith("\"")) {
                // VBoxManage escapes quotes and backslashes but prints a newline in a value (a VM's description) as
                // it is: the value goes on until its closing quote, and its next lines are no keys of their own
                int end = closingQuote(raw, 1);
                while (end < 0 && i + 1 < lines.length) {
                    raw = raw + "\n" + lines[++i];
                    end = closingQuote(raw, 1);
                }
                value = unescape(end < 0 ? raw.substring(1) : raw.substring(1, end));
            } else {
                value = raw.strip();
            }
            values.put(key, value);
        }
        return values;
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code guestproperty enumerate}, in the 6.x form ("Name: …, value: …") and the 7.x form ("name = 'value' @ time"). */
    public static List<GuestProperty> guestProperties(String out) {
        List<GuestProperty> props = new ArrayList<>();
        for (String line : out.split("\\R")) {
            String l = line.strip();
            Matcher old = OLD_PROP.matcher(l);
            if (old.matches()) {
                String value = old.group(2).equals("<NULL>") ? "" : old.group(2);
                Instant ts = nanos(old.group(3));
                String flags = old.group(4) == null || old.group(4).equals("<NULL>") ? "" : old.group(4).strip();
                props.add(new GuestProperty(old.group(1), value, ts, flags));
                continue;
            }
            Matcher m = NEW_PROP.matcher(l);
            if (m.matches()) {
                props.add(new GuestProperty(m.group(1).strip(), m.group(2), iso(m.group(3)),
                        m.group(4) == null ? "" : m.group(4).strip()));
            }
        }
        return props;
    }

    private static Instant nanos(String s) {
        try {
            long n = Long.parseLong(s);
            return n <= 0 ? null : Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** VirtualBox writes times as "2019-02-09T21:00:33.575000000" (6.x, no zone) or with a trailing Z. */
    public static Instant iso(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return Instant.parse(t.endsWith("Z") ? t : t + "Z");
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code showmediuminfo disk <uuid>}: "Storage format: VDI", "Capacity: 25600 MBytes", "Size on disk: 8714 MBytes". */
    public static MediumInfo mediumInfo(String out) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ")) {
                kv.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String parent = kv.get("Parent UUID");
        if (parent != null && !parent.matches("[0-9a-fA-F-]{36}")) {
            parent = null; // "base"
        }
        String format = kv.containsKey("Storage format") ? kv.get("Storage format") : kv.get("Format");
        return new MediumInfo(kv.get("UUID"), parent, kv.get("Location"), format,
                mbytes(kv.get("Capacity")), mbytes(kv.get("Size on disk")));
    }

    private static Long mbytes(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = MBYTES.matcher(v);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 * 1024 : null;
    }
}
