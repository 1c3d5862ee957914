package io.labgrader.probe.vm;

import io.labgrader.evidence.Redactor;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.probe.vm.VBoxManageParser.GuestProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * VirtualBox's guest properties, from {@code VBoxManage guestproperty enumerate} or a .vbox file: what the Guest
 * Additions report about the guest, the traces VirtualBox leaves when a VM starts, and the guest's user names, which
 * are kept out of the saved raw output.
 */
final class VBoxGuestProperties {

    private static final Pattern USERS_OLD = Pattern.compile("(LoggedInUsersList, value: ).*?(, timestamp:)");
    private static final Pattern USERS_NEW = Pattern.compile("(LoggedInUsersList\\s*= ')[^']*(')");
    private static final Pattern USERS_XML = Pattern.compile("(LoggedInUsersList\" value=\")[^\"]*(\")");
    private static final Pattern USER_PATHS = Pattern.compile("(/VirtualBox/GuestInfo/User/)[^/\\s'\",]+");

    private VBoxGuestProperties() {
    }

    /** Guest Additions' report (/VirtualBox/GuestInfo/*, /VirtualBox/GuestAdd/*) and VirtualBox's start traces. */
    static void apply(VmBuilder vm, List<GuestProperty> props) {
        Map<String, String> reported = new LinkedHashMap<>();
        Instant reportedAt = null;
        Instant hostInfoAt = null;
        String hostVersion = null;
        for (GuestProperty p : props) {
            String name = p.name();
            if (name.startsWith("/VirtualBox/HostInfo/")) {
                hostInfoAt = latest(hostInfoAt, p.timestamp());
                if (name.equals("/VirtualBox/HostInfo/VBoxVerExt") || name.equals("/VirtualBox/HostInfo/VBoxVer")) {
                    hostVersion = hostVersion == null ? p.value() : hostVersion;
                }
            } else if (name.startsWith("/VirtualBox/GuestInfo/OS/") || name.startsWith("/VirtualBox/GuestAdd/")) {
                if (name.contains("LoggedInUsers") || name.contains("NoLoggedInUsers")) {
                    continue; // who is logged in is nobody's business here
                }
                reported.put(name, p.value());
                if (name.startsWith("/VirtualBox/GuestInfo/OS/")) {
                    reportedAt = latest(reportedAt, p.timestamp());
                }
            }
        }
        if (hostInfoAt != null) {
            vm.sign(BootSign.Kind.STARTED, "VirtualBox host properties (/VirtualBox/HostInfo/*) set at start", hostInfoAt);
        }
        if (vm.hypervisorVersion == null && hostVersion != null) {
            vm.hypervisorVersion = hostVersion;
        }
        boolean fromGuest = reported.keySet().stream().anyMatch(k -> k.startsWith("/VirtualBox/GuestInfo/OS/"));
        if (!fromGuest && !reported.containsKey("/VirtualBox/GuestAdd/Version")) {
            return;
        }
        String additions = reported.get("/VirtualBox/GuestAdd/Version");
        Map<String, String> all = new LinkedHashMap<>(reported);
        if (vm.guest != null) {
            vm.guest.properties().forEach(all::putIfAbsent);
        }
        vm.guest = new GuestReport("VirtualBox Guest Additions" + (additions == null ? "" : " " + additions), null,
                blankToNull(reported.get("/VirtualBox/GuestInfo/OS/Product")), null, null,
                blankToNull(reported.get("/VirtualBox/GuestInfo/OS/Release")),
                blankToNull(reported.get("/VirtualBox/GuestInfo/OS/Version")), additions, reportedAt, all);
    }

    /** Guest user names in guest properties, as VBoxManage prints them and as .vbox files store them. */
    static String redactGuestUsers(String text) {
        String r = USERS_OLD.matcher(text).replaceAll("$1" + Redactor.REDACTED + "$2");
        r = USERS_NEW.matcher(r).replaceAll("$1" + Redactor.REDACTED + "$2");
        r = USERS_XML.matcher(r).replaceAll("$1" + Redactor.REDACTED + "$2");
        return USER_PATHS.matcher(r).replaceAll("$1" + Redactor.REDACTED);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : b.isAfter(a) ? b : a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
