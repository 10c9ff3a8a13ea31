using System.Globalization;
using System.Text;

namespace OneCExchange.Core.CommerceMl.Orders;

/// <summary>The schema version and encoding of an orders document (mode=query / mode=info).</summary>
/// <param name="SchemaVersion">"2.05", "2.08" or "2.10".</param>
public sealed record OrdersDocumentFormat(string SchemaVersion, Encoding Encoding)
{
    public static IReadOnlyList<string> SupportedVersions { get; } = ["2.05", "2.08", "2.10"];

    /// <summary>2.10 wraps each Документ in a Контейнер (what 1C's exchange module 6.5+ expects).</summary>
    public bool UsesContainer => SchemaVersion == "2.10";

    public string ContentType => $"application/xml; charset={Encoding.WebName}";

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static OrdersDocumentFormat Default { get; } = new("2.08", Utf8NoBom);

    /// <summary>
    /// The format for a request: the version 1C sent at init when there is one, else the configured one; versions
    /// below 2.08 give 2.05, 2.08 and 2.09 give 2.08, 2.10 and above (3.x included) give 2.10.
    /// </summary>
    /// <exception cref="ArgumentException">The configured version or encoding is not supported.</exception>
    public static OrdersDocumentFormat Resolve(string? requestedVersion, string configuredVersion, string configuredEncoding) =>
        new(NormalizeVersion(requestedVersion) ?? NormalizeVersion(configuredVersion)
                ?? throw new ArgumentException($"Версия схемы заказов «{configuredVersion}» не поддерживается: укажите 2.05, 2.08 или 2.10."),
            ResolveEncoding(configuredEncoding));

    private static string? NormalizeVersion(string? version)
    {
        if (string.IsNullOrWhiteSpace(version)
            || !decimal.TryParse(version.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return null;
        return number switch
        {
            < 2.00m => null,
            < 2.08m => "2.05",
            < 2.10m => "2.08",
            _ => "2.10",
        };
    }

    public static Encoding ResolveEncoding(string? name)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "utf-8" or "utf8":
                return Utf8NoBom;
            case "windows-1251" or "cp1251":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding(1251, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            default:
                throw new ArgumentException($"Кодировка документа заказов «{name}» не поддерживается: укажите utf-8 или windows-1251.");
        }
    }
}
