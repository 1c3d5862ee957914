package io.labgrader.probe.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.probe.vm.SafeXml.XmlException;
import org.w3c.dom.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.labgrader.probe.vm.JsonFields.text;

/**
 * What a Hyper-V guest reports through the KVP exchange (hv_kvp_daemon / the integration services): the
 * GuestIntrinsicExchangeItems, each a small CIM XML document, read into the guest's OS name and version.
 */
final class HyperVKvp {

    private HyperVKvp() {
    }

    /** The guest report from a VM's exchange items, or null if they carry nothing. */
    static GuestReport guestReport(List<JsonNode> items) {
        Map<String, String> kvp = new LinkedHashMap<>();
        for (JsonNode entry : items) {
            String xml = text(entry);
            if (xml != null) {
                item(xml, kvp);
            }
        }
        if (kvp.isEmpty()) {
            return null;
        }
        return new GuestReport("Hyper-V KVP (hv_kvp_daemon)", null, kvp.get("OSName"), kvp.get("OSMajorVersion") == null ? null
                : kvp.get("OSMajorVersion") + (kvp.get("OSMinorVersion") == null ? "" : "." + kvp.get("OSMinorVersion")),
                null, kvp.get("OSBuildNumber"), kvp.get("OSVersion"), kvp.get("IntegrationServicesVersion"), null, kvp);
    }

    /** One GuestIntrinsicExchangeItems entry: {@code <INSTANCE …><PROPERTY NAME="Name"><VALUE>OSName</VALUE>…} */
    static void item(String xml, Map<String, String> into) {
        try {
            Element root = SafeXml.parse(xml).getDocumentElement();
            String name = null;
            String data = null;
            for (Element p : SafeXml.descendants(root, "PROPERTY")) {
                String n = SafeXml.attr(p, "NAME");
                String value = SafeXml.text(SafeXml.child(p, "VALUE"));
                if ("Name".equals(n)) {
                    name = value;
                } else if ("Data".equals(n)) {
                    data = value;
                }
            }
            if (name != null && data != null && !name.equals("FullyQualifiedDomainName")) {
                into.put(name, data);
            }
        } catch (XmlException e) {
            // an item that is not XML carries nothing we read
        }
    }
}
