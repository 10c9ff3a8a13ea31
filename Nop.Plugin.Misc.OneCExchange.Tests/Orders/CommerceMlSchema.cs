using System.Xml.Linq;

namespace OneCExchange.Tests.Orders;

/// <summary>Reads the element order the CommerceML XSD declares (groups and extensions expanded, base first).</summary>
internal sealed class CommerceMlSchema
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private readonly Dictionary<string, XElement> _types;
    private readonly Dictionary<string, XElement> _groups;
    private readonly Dictionary<string, XElement> _elements;

    public CommerceMlSchema(string path)
    {
        var root = XDocument.Load(path).Root!;
        _types = root.Elements(Xs + "complexType").ToDictionary(t => (string)t.Attribute("name")!);
        _groups = root.Elements(Xs + "group").ToDictionary(g => (string)g.Attribute("name")!);
        _elements = root.Elements(Xs + "element").ToDictionary(e => (string)e.Attribute("name")!);
    }

    /// <summary>The declared child elements of the type at a path of element names, e.g. ["Документ", "Товары", "Товар"]
    /// (the first name is a global complexType or, in 2.05's anonymous types, a global element).</summary>
    public IReadOnlyList<string> ChildrenOf(params string[] path)
    {
        var node = _types.TryGetValue(path[0], out var type) ? type : _elements[path[0]];
        foreach (var name in path.Skip(1))
            node = Declarations(node).First(d => Name(d) == name);
        return Declarations(ContentOf(node)).Select(Name).ToList();
    }

    private XElement ContentOf(XElement element)
    {
        if (element.Name != Xs + "element")
            return element;
        if (Local((string?)element.Attribute("ref")) is { } referenced && _elements.TryGetValue(referenced, out var global))
            element = global;
        var inline = element.Element(Xs + "complexType");
        if (inline != null)
            return inline;
        var type = Local((string?)element.Attribute("type"));
        return type != null && _types.TryGetValue(type, out var named) ? named : element;
    }

    private IEnumerable<XElement> Declarations(XElement node)
    {
        node = ContentOf(node);
        foreach (var child in node.Elements())
        {
            var kind = child.Name.LocalName;
            if (kind == "element")
                yield return child;
            else if (kind == "group" && Local((string?)child.Attribute("ref")) is { } groupName)
            {
                foreach (var inner in Declarations(_groups[groupName]))
                    yield return inner;
            }
            else if (kind == "extension")
            {
                if (Local((string?)child.Attribute("base")) is { } baseName && _types.TryGetValue(baseName, out var baseType))
                    foreach (var inner in Declarations(baseType))
                        yield return inner;
                foreach (var inner in Declarations(child))
                    yield return inner;
            }
            else if (kind is "sequence" or "choice" or "all" or "complexContent" or "complexType" or "group")
            {
                foreach (var inner in Declarations(child))
                    yield return inner;
            }
        }
    }

    private static string Name(XElement declaration) =>
        Local((string?)declaration.Attribute("name") ?? (string?)declaration.Attribute("ref"))!;

    private static string? Local(string? qualified) => qualified?[(qualified.IndexOf(':') + 1)..];
}
