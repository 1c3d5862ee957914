package io.labgrader.probe.vm;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK's DOM parser, namespace-aware, with DOCTYPEs, external entities and XInclude switched off: settings
 * files and domain XML come from students' machines and are never allowed to reach out to anything.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /** Thrown for anything that is not well-formed XML, with the parser's reason. */
    public static final class XmlException extends Exception {
        public XmlException(String message) {
            super(message);
        }
    }

    public static Document parse(String xml) throws XmlException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
            return b.parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        } catch (SAXException e) {
            throw new XmlException(e.getMessage());
        } catch (IOException e) {
            throw new XmlException(String.valueOf(e.getMessage()));
        }
    }

    /** Element children with this local name (any namespace). */
    public static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(local(e))) {
                result.add(e);
            }
        }
        return result;
    }

    /** All element children. */
    public static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    public static Element child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Descendants with this local name, in document order. */
    public static List<Element> descendants(Element root, String localName) {
        List<Element> result = new ArrayList<>();
        if (root == null) {
            return result;
        }
        NodeList nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    public static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    /** An attribute's value, or null when absent (DOM says ""). */
    public static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        return e.getAttribute(name);
    }

    public static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }
}
