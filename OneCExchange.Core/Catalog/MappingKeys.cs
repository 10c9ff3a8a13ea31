using System.Security.Cryptography;
using System.Text;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// Mapping keys fit the host's mapping table column: keys the pipeline composes from 1C text (option values, manufacturer
/// names, picture paths) can be long, so a key over <see cref="MaxLength"/> keeps its start and ends with a hash of the
/// whole key (unique and stable).
/// </summary>
public static class MappingKeys
{
    /// <summary>The longest key the pipeline sends (the plugin's OneCMapping.OneCId column holds 150).</summary>
    public const int MaxLength = 150;

    private const int KeptPrefix = 120;

    public static string Fit(string key)
    {
        if (key.Length <= MaxLength)
            return key;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 18);
        return key[..KeptPrefix] + "~" + hash;
    }

    /// <summary>The key of a specification option: the property's id and the value's id (or "=text", or "*").</summary>
    public static string SpecificationOption(string propertyId, string valueId) => Fit(propertyId + "/" + valueId);
}
