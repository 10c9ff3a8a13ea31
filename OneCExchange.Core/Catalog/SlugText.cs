using System.Text;

namespace OneCExchange.Core.Catalog;

/// <summary>
/// SEO slug text from a name: lower case, Cyrillic transliterated to Latin (the common Russian web convention:
/// ж→zh, х→kh, ц→ts, ч→ch, ш→sh, щ→shch, ю→yu, я→ya, ъ/ь dropped), anything else not a letter or digit → '-'.
/// </summary>
public static class SlugText
{
    public const int MaxLength = 200;

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya", ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['ў'] = "u",
    };

    /// <summary>The slug of <paramref name="name"/>; <paramref name="fallback"/> when nothing usable remains.</summary>
    public static string From(string? name, string fallback)
    {
        var builder = new StringBuilder(Math.Min((name?.Length ?? 0) + 8, MaxLength + 8));
        var dash = false;
        foreach (var raw in name ?? "")
        {
            var c = char.ToLowerInvariant(raw);
            if (Cyrillic.TryGetValue(c, out var latin))
            {
                Append(latin);
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                Append(c.ToString());
            }
            else if (builder.Length > 0)
            {
                dash = true;
            }
            if (builder.Length >= MaxLength)
                break;
        }
        var slug = builder.Length > MaxLength ? builder.ToString(0, MaxLength).TrimEnd('-') : builder.ToString();
        return slug.Length == 0 ? fallback : slug;

        void Append(string text)
        {
            if (text.Length == 0)
                return;
            if (dash)
                builder.Append('-');
            dash = false;
            builder.Append(text);
        }
    }
}
