package io.labgrader.evidence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Home folders are redacted at path boundaries only: the rest of every path stays as it was. */
class RedactorTest {

    private static final Redactor ERIKA = Redactor.forHome("/home/erika", "erika");
    private static final Redactor MAX_ON_A_MAC = Redactor.forHome("/Users/max.mustermann", "max.mustermann");
    private static final Redactor ANNA_ON_WINDOWS = Redactor.forHome("C:\\Users\\Anna Schmidt", "Anna Schmidt");
    private static final Redactor ROOT = Redactor.forHome("/root", "root");

    @ParameterizedTest(name = "Linux: {0}")
    @CsvSource(delimiter = '|', value = {
            "/home/erika/VirtualBox VMs/u.vbox | /home/<user>/VirtualBox VMs/u.vbox",
            "/home/erika | /home/<user>",
            "file:///home/erika/vm.qcow2 | file:///home/<user>/vm.qcow2",
            "disk at /home/erika/vm.qcow2, size 20 GB | disk at /home/<user>/vm.qcow2, size 20 GB",
            "PATH=/usr/bin:/home/erika/bin | PATH=/usr/bin:/home/<user>/bin",
            // a folder named home inside another path is no one's home
            "/srv/home/VirtualBox VMs/u.vbox | /srv/home/VirtualBox VMs/u.vbox",
            "/mnt/data/home/VirtualBox VMs/ubuntu/ubuntu.vbox | /mnt/data/home/VirtualBox VMs/ubuntu/ubuntu.vbox",
            "/home/erika/home/VirtualBox VMs/x.vbox | /home/<user>/home/VirtualBox VMs/x.vbox",
            // another user's home where a path starts; a blank inside a name means it is no user name
            "/home/tom/x | /home/<user>/x",
            "/home/VirtualBox VMs/u.vbox | /home/VirtualBox VMs/u.vbox",
            "/home/erikas-backup/x | /home/<user>/x",
            "/homeless/erika | /homeless/erika"})
    void linux(String path, String expected) {
        assertThat(ERIKA.apply(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "macOS: {0}")
    @CsvSource(delimiter = '|', value = {
            "/Users/max.mustermann/Virtual Machines.localized/Ubuntu.vmwarevm/Ubuntu.vmx | /Users/<user>/Virtual Machines.localized/Ubuntu.vmwarevm/Ubuntu.vmx",
            "/Users/max.mustermann/Parallels/Ubuntu.pvm | /Users/<user>/Parallels/Ubuntu.pvm",
            "/Volumes/Data/Users/Shared/VMs | /Volumes/Data/Users/Shared/VMs",
            "/Users/Shared/VMs/u.vbox | /Users/<user>/VMs/u.vbox"})
    void macOs(String path, String expected) {
        assertThat(MAX_ON_A_MAC.apply(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Windows: {0}")
    @CsvSource(delimiter = '|', value = {
            "C:\\Users\\Anna Schmidt\\VirtualBox VMs\\u\\u.vbox | C:\\Users\\<user>\\VirtualBox VMs\\u\\u.vbox",
            "c:\\users\\anna schmidt\\VirtualBox VMs | c:\\users\\<user>\\VirtualBox VMs",
            "C:/Users/Anna Schmidt/Documents/Virtual Machines/Ubuntu/Ubuntu.vmx | C:/Users/<user>/Documents/Virtual Machines/Ubuntu/Ubuntu.vmx",
            "{\"p\":\"C:\\\\Users\\\\Anna Schmidt\\\\x.vbox\"} | {\"p\":\"C:\\\\Users\\\\<user>\\\\x.vbox\"}",
            "D:\\Users\\Bob Mayer\\VMs | D:\\Users\\<user>\\VMs",
            "E:\\Backup\\Users\\Bob\\VMs | E:\\Backup\\Users\\Bob\\VMs"})
    void windows(String path, String expected) {
        assertThat(ANNA_ON_WINDOWS.apply(path)).isEqualTo(expected);
    }

    @Test
    @DisplayName("root's home names no one: /root stays, other homes are still redacted")
    void rootIsNoOne() {
        assertThat(ROOT.apply("/root/VirtualBox VMs/u.vbox /home/erika/x")).isEqualTo("/root/VirtualBox VMs/u.vbox /home/<user>/x");
    }

    @Test
    @DisplayName("a home with a blank in a user's folder name on Linux is redacted exactly from the real home")
    void ownHomeWithBlank() {
        Redactor odd = Redactor.forHome("/home/Erika Muster", "Erika Muster");
        assertThat(odd.apply("/home/Erika Muster/VirtualBox VMs/u.vbox")).isEqualTo("/home/<user>/VirtualBox VMs/u.vbox");
    }
}
