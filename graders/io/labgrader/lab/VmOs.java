package io.labgrader.lab;

import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.VmSummary;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a VM's guest is Ubuntu. The guest's own report wins: a VM declared "Other Linux" whose guest reports
 * Ubuntu is Ubuntu, and a VM declared Ubuntu whose guest reports Debian is not. Where the guest says nothing about
 * its distribution, the OS type chosen for the VM decides. Ubuntu's official flavours (Kubuntu, Lubuntu,
 * Xubuntu…) are Ubuntu.
 */
record VmOs(Basis basis, String guestDistro) {

    /** Any word ending in "ubuntu": ubuntu-64, arm-ubuntu-64, Ubuntu_64, Lubuntu (64-bit), http://ubuntu.com/ubuntu/24.04 */
    private static final Pattern UBUNTU = Pattern.compile("(?i)(^|[^a-z])[a-z]?ubuntu");
    private static final Pattern DEBIAN = Pattern.compile("(?i)\\bdebian\\b");

    enum Basis {
        /** the guest itself reported Ubuntu */
        GUEST,
        /** declared Ubuntu; the guest said nothing about its distribution */
        DECLARED,
        /** declared Ubuntu, but the guest reported another distribution */
        CONTRADICTED,
        /** neither */
        NOT_UBUNTU
    }

    boolean ubuntu() {
        return basis == Basis.GUEST || basis == Basis.DECLARED;
    }

    static VmOs of(VmSummary vm) {
        Optional<String> distro = guestDistro(vm.guest());
        boolean declared = declaredUbuntu(vm);
        if (distro.isPresent()) {
            if (distro.get().equals("ubuntu")) {
                return new VmOs(Basis.GUEST, "ubuntu");
            }
            return new VmOs(declared ? Basis.CONTRADICTED : Basis.NOT_UBUNTU, distro.get());
        }
        return new VmOs(declared ? Basis.DECLARED : Basis.NOT_UBUNTU, null);
    }

    static boolean declaredUbuntu(VmSummary vm) {
        return isUbuntu(vm.declaredOs()) || isUbuntu(vm.declaredOsId());
    }

    static boolean isUbuntu(String text) {
        return text != null && UBUNTU.matcher(text).find();
    }

    /**
     * The distribution the guest reported, lower case ("ubuntu", "debian", "fedora"…), or empty if its report does
     * not name one (VirtualBox Guest Additions report only "Linux" and the kernel; Ubuntu's kernels say "-Ubuntu").
     */
    static Optional<String> guestDistro(GuestReport g) {
        if (g == null) {
            return Optional.empty();
        }
        if (g.osId() != null && !g.osId().isBlank()) {
            return Optional.of(g.osId().strip().toLowerCase(Locale.ROOT));
        }
        for (String name : new String[]{g.prettyName(), g.osName()}) {
            if (name == null || name.isBlank() || name.strip().equalsIgnoreCase("linux")) {
                continue;
            }
            if (isUbuntu(name)) {
                return Optional.of("ubuntu");
            }
            return Optional.of(name.strip().split("\\s+")[0].toLowerCase(Locale.ROOT));
        }
        String kernel = (g.kernelVersion() == null ? "" : g.kernelVersion()) + " " + (g.kernelRelease() == null ? "" : g.kernelRelease());
        if (isUbuntu(kernel)) {
            return Optional.of("ubuntu");
        }
        if (DEBIAN.matcher(kernel).find()) {
            return Optional.of("debian");
        }
        return Optional.empty();
    }
}
