using System.Xml;

namespace Nop.Plugin.Misc.OneCExchange.Infrastructure;

/// <summary>
/// The plugin's locale resources, shipped as Localization/en.xml and ru.xml beside the plugin assembly in
/// nopCommerce's language pack format (&lt;Language&gt;&lt;LocaleResource Name="..."&gt;&lt;Value&gt;...).
/// </summary>
public static class LocaleResourceFile
{
    public const string English = "en";
    public const string Russian = "ru";

    /// <summary>The folder holding the files: Localization beside the plugin assembly.</summary>
    public static string DefaultFolder =>
        Path.Combine(Path.GetDirectoryName(typeof(LocaleResourceFile).Assembly.Location)!, OneCExchangeDefaults.LocalizationFolder);

    /// <summary>Which file serves a language: Russian for ru-*, English for every other language.</summary>
    public static string FileLanguageFor(string? languageCulture) =>
        languageCulture is not null && (languageCulture.Equals(Russian, StringComparison.OrdinalIgnoreCase)
            || languageCulture.StartsWith(Russian + "-", StringComparison.OrdinalIgnoreCase))
            ? Russian
            : English;

    /// <summary>Reads one file into resource name → value.</summary>
    /// <exception cref="InvalidDataException">The file is malformed or names a resource twice.</exception>
    public static Dictionary<string, string> Load(string folder, string fileLanguage)
    {
        var path = Path.Combine(folder, fileLanguage + ".xml");
        var resources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
        while (reader.ReadToFollowing("LocaleResource"))
        {
            var name = reader.GetAttribute("Name");
            if (string.IsNullOrWhiteSpace(name))
                throw new InvalidDataException($"{path}: a LocaleResource has no Name");
            if (!reader.ReadToDescendant("Value"))
                throw new InvalidDataException($"{path}: {name} has no Value");
            if (!resources.TryAdd(name, reader.ReadElementContentAsString()))
                throw new InvalidDataException($"{path}: {name} is defined twice");
        }
        return resources;
    }
}
