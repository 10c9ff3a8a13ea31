namespace Nop.Plugin.Misc.OneCExchange.Services.Mappings;

/// <summary>A 1C reference the exchange has seen: its Ид (or the status text) and its name.</summary>
public sealed record SeenReference(string Id, string Name);

/// <summary>
/// The stored form of seen references: one "id&lt;TAB&gt;name" line each, in the order first seen, at most
/// <see cref="MaxItems"/> (the newest are kept). Tabs and line breaks in a name become spaces.
/// </summary>
public static class SeenReferenceList
{
    public const int MaxItems = 100;

    public static IReadOnlyList<SeenReference> Parse(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t', 2))
                .Where(parts => parts[0].Length > 0)
                .Select(parts => new SeenReference(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : parts[0]))
                .ToList();

    /// <summary>The list with <paramref name="seen"/> added or renamed; null when nothing changes (no write needed).</summary>
    public static string? Merge(string? text, IEnumerable<SeenReference> seen)
    {
        var items = Parse(text).ToList();
        var changed = false;
        foreach (var reference in seen)
        {
            var clean = new SeenReference(Clean(reference.Id), Clean(reference.Name));
            if (clean.Id.Length == 0)
                continue;
            var index = items.FindIndex(i => string.Equals(i.Id, clean.Id, StringComparison.Ordinal));
            if (index >= 0 && items[index] == clean)
                continue;
            if (index >= 0)
                items[index] = clean;
            else
                items.Add(clean);
            changed = true;
        }
        if (!changed)
            return null;
        return string.Join("\n", items.Skip(Math.Max(0, items.Count - MaxItems)).Select(i => i.Id + "\t" + i.Name));
    }

    private static string Clean(string? value) =>
        (value ?? "").Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').Trim();
}
