using System.Xml;

namespace OneCExchange.Core.Protocol;

/// <summary>
/// Tells whether a staged file is a full catalog or offer package (old-style full exchange): its Каталог or
/// ПакетПредложений says СодержитТолькоИзменения="false". Reads forward only up to that element.
/// </summary>
public static class PackageHeaderProbe
{
    public static bool IsFullPackage(string path)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                if (reader.LocalName is "Каталог" or "ПакетПредложений")
                    return string.Equals(reader.GetAttribute("СодержитТолькоИзменения")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
                if (reader.LocalName is "Документ" or "Контейнер")
                    return false;
            }
        }
        catch (XmlException)
        {
            // Malformed files are reported by the import itself; a broken file is never a full package.
        }
        return false;
    }
}
