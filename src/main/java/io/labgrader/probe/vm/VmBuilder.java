package io.labgrader.probe.vm;

import io.labgrader.evidence.Redactor;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects what the probe learns about one VM from several commands and files, then becomes a {@link VmObserved}. */
public final class VmBuilder {

    public String hypervisor;
    public String hypervisorVersion;
    public String name;
    public String uuid;
    public VmState state;
    public String rawState;
    public String declaredOs;
    public String declaredOsId;
    public GuestReport guest;
    public Long memoryMb;
    public Integer cpus;
    public List<VmDisk> disks = new ArrayList<>();
    public List<VmNic> nics = new ArrayList<>();
    public final List<BootSign> bootSigns = new ArrayList<>();
    public String location;
    public final Set<String> via = new LinkedHashSet<>();
    public final Set<String> raw = new LinkedHashSet<>();

    public VmBuilder(String hypervisor) {
        this.hypervisor = hypervisor;
    }

    public VmBuilder sign(BootSign.Kind kind, String detail, Instant when) {
        boolean known = bootSigns.stream().anyMatch(b -> b.kind() == kind && b.detail().equals(detail));
        if (!known) {
            bootSigns.add(new BootSign(kind, detail, when));
        }
        return this;
    }

    public VmBuilder raw(String path) {
        if (path != null) {
            raw.add(path);
        }
        return this;
    }

    /** Fills what this builder does not know yet from another view of the same VM (e.g. its settings file). */
    public void fillFrom(VmBuilder other) {
        hypervisorVersion = hypervisorVersion != null ? hypervisorVersion : other.hypervisorVersion;
        name = name != null ? name : other.name;
        uuid = uuid != null ? uuid : other.uuid;
        if (state == null || state == VmState.UNKNOWN) {
            state = other.state;
            rawState = other.rawState;
        }
        declaredOs = declaredOs != null ? declaredOs : other.declaredOs;
        declaredOsId = declaredOsId != null ? declaredOsId : other.declaredOsId;
        guest = guest != null ? guest : other.guest;
        memoryMb = memoryMb != null ? memoryMb : other.memoryMb;
        cpus = cpus != null ? cpus : other.cpus;
        if (disks.isEmpty()) {
            disks = new ArrayList<>(other.disks);
        }
        if (nics.isEmpty()) {
            nics = new ArrayList<>(other.nics);
        }
        for (BootSign b : other.bootSigns) {
            sign(b.kind(), b.detail(), b.when());
        }
        location = location != null ? location : other.location;
        via.addAll(other.via);
        raw.addAll(other.raw);
    }

    public VmObserved build(Instant at, String source) {
        List<VmDisk> redactedDisks = disks.stream().map(d -> new VmDisk(d.name(), d.format(), d.capacityBytes(),
                d.allocatedBytes(), Redactor.redact(d.location()))).toList();
        return new VmObserved(at, source, hypervisor, hypervisorVersion, name == null ? "?" : name, uuid,
                state == null ? VmState.UNKNOWN : state, rawState, declaredOs, declaredOsId, guest, memoryMb, cpus,
                redactedDisks, nics, bootSigns, Redactor.redact(location),
                via.stream().map(Redactor::redact).toList(), List.copyOf(raw));
    }
}
