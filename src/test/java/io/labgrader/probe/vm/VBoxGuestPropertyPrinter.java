package io.labgrader.probe.vm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints {@code VBoxManage guestproperty enumerate} the way VirtualBox does, statement by statement from
 * VirtualBox/virtualbox src/VBox/Frontends/VBoxManage/VBoxManageGuestProp.cpp, handleEnumGuestProperty:
 * <ul>
 *   <li>up to 6.1, and 7.x with {@code --old-format}: {@code RTPrintf("Name: %ls, value: %ls, timestamp: %lld, flags: %ls\n")}
 *       in the store's order. A property the guest wrote has empty flags, so the line ends in "flags: ".</li>
 *   <li>7.0 and later: sorted by name; {@code "%-*ls = '%ls'"} with the name column as wide as the longest name (at
 *       most 48), then padding to name width + value width (at most 28) + 6 (at least one space), "@ " and the time
 *       with 3 fraction digits (RTTimeToStringEx), and " flags" only when there are flags.</li>
 * </ul>
 * The format tests feed its output to the parser, so the fixtures come from VirtualBox's print statements, not
 * from what the parser expects.
 */
final class VBoxGuestPropertyPrinter {

    record Property(String name, String value, long timestampNanos, String flags) {
    }

    private static final DateTimeFormatter RT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private VBoxGuestPropertyPrinter() {
    }

    static String oldFormat(List<Property> properties) {
        StringBuilder out = new StringBuilder();
        for (Property p : properties) {
            out.append("Name: ").append(p.name()).append(", value: ").append(p.value()).append(", timestamp: ")
                    .append(p.timestampNanos()).append(", flags: ").append(p.flags()).append('\n');
        }
        return out.toString();
    }

    static String newFormat(List<Property> properties) {
        List<Property> sorted = new ArrayList<>(properties);
        sorted.sort(Comparator.comparing(Property::name));  // RTUtf16Cmp: code unit order
        int maxName = 1;
        int maxValue = 1;
        for (Property p : sorted) {
            maxName = Math.max(maxName, p.name().length());
            maxValue = Math.max(maxValue, p.value().length());
        }
        maxName = Math.min(maxName, 48);
        maxValue = Math.min(maxValue, 28);
        StringBuilder out = new StringBuilder();
        for (Property p : sorted) {
            String head = String.format("%-" + maxName + "s = '%s'", p.name(), p.value());
            int width = maxName + maxValue + 6;
            int padding = head.length() < width ? width - head.length() : 1;
            Instant at = Instant.ofEpochSecond(0, p.timestampNanos());
            out.append(head).append(" ".repeat(padding)).append("@ ").append(RT_TIME.format(at))
                    .append(p.flags().isEmpty() ? "" : " ").append(p.flags()).append('\n');
        }
        return out.toString();
    }

    /**
     * What an Ubuntu 20.04 guest with Guest Additions reports, as the guest and the host write it: the guest's own
     * properties without flags, the host's TRANSIENT, RDONLYGUEST.
     */
    static List<Property> ubuntuGuest(String version, String revision, long bootNanos) {
        String host = "TRANSIENT, RDONLYGUEST";
        List<Property> p = new ArrayList<>();
        p.add(new Property("/VirtualBox/HostInfo/GUI/LanguageID", "de_DE", bootNanos, ""));
        p.add(new Property("/VirtualBox/HostInfo/VBoxVer", version, bootNanos + 1_000_000L, host));
        p.add(new Property("/VirtualBox/HostInfo/VBoxVerExt", version, bootNanos + 1_000_000L, host));
        p.add(new Property("/VirtualBox/HostInfo/VBoxRev", revision, bootNanos + 1_000_000L, host));
        p.add(new Property("/VirtualBox/GuestAdd/VBoxService/--timesync-set-start", "", bootNanos + 2_000_000_000L, host));
        long os = bootNanos + 31_117_065_000L;
        p.add(new Property("/VirtualBox/GuestInfo/OS/Product", "Linux", os, ""));
        p.add(new Property("/VirtualBox/GuestInfo/OS/Release", "5.15.0-91-generic", os, ""));
        p.add(new Property("/VirtualBox/GuestInfo/OS/Version", "#101~20.04.1-Ubuntu SMP Thu Nov 16 14:22:28 UTC 2023", os, ""));
        p.add(new Property("/VirtualBox/GuestInfo/OS/ServicePack", "", os, ""));
        p.add(new Property("/VirtualBox/GuestAdd/InstallDir", "/opt/VBoxGuestAdditions-" + version, os + 5_000L, ""));
        p.add(new Property("/VirtualBox/GuestAdd/Revision", revision, os + 5_000L, ""));
        p.add(new Property("/VirtualBox/GuestAdd/Version", version, os + 5_000L, ""));
        p.add(new Property("/VirtualBox/GuestAdd/VersionExt", version, os + 5_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/OS/LoggedInUsersList", "student", os + 9_000_000_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/OS/LoggedInUsers", "1", os + 9_000_000_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/OS/NoLoggedInUsers", "false", os + 9_000_000_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/User/student/UsageState", "Idle", os + 9_000_000_000L, "TRANSIENT, TRANSRESET"));
        p.add(new Property("/VirtualBox/GuestInfo/Net/0/V4/IP", "10.0.2.15", os + 1_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/Net/0/V4/Netmask", "255.255.255.0", os + 1_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/Net/0/MAC", "080027E5FA8F", os + 1_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/Net/0/Status", "Up", os + 1_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/Net/0/Name", "enp0s3", os + 1_000L, ""));
        p.add(new Property("/VirtualBox/GuestInfo/Net/Count", "1", os + 1_000L, ""));
        p.add(new Property("/VirtualBox/GuestAdd/HostVerLastChecked", version, os + 60_000_000_000L, ""));
        return List.copyOf(p);
    }
}
