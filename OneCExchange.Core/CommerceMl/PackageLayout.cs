namespace OneCExchange.Core.CommerceMl;

/// <summary>
/// The order in which the XML files of a catalog package must be imported: what a file refers to must be read first.
/// Classifier files at the package root (import*.xml) come first, then properties/N/ folders, then goods/N/ folders,
/// then anything else; folders in numeric order (goods/2 before goods/10); within a folder import, offers, prices, rests.
/// </summary>
public static class PackageLayout
{
    /// <summary>The XML files among <paramref name="relativePaths"/> ('/' or '\' separated), in import order.</summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> relativePaths) =>
        relativePaths
            .Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Replace('\\', '/'))
            .Order(Comparer)
            .ToList();

    /// <summary>The XML files of a package folder (recursively), relative to it with '/' separators, in import order.</summary>
    public static IReadOnlyList<string> OrderFolder(string folder) =>
        Order(Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f)));

    /// <summary>Compares two relative paths by import order.</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    private static int Compare(string a, string b)
    {
        var aSegments = a.Split('/');
        var bSegments = b.Split('/');
        var bySection = SectionRank(aSegments).CompareTo(SectionRank(bSegments));
        if (bySection != 0)
            return bySection;
        var folders = Math.Min(aSegments.Length, bSegments.Length) - 1;
        for (var i = 0; i < folders; i++)
        {
            var byFolder = CompareNatural(aSegments[i], bSegments[i]);
            if (byFolder != 0)
                return byFolder;
        }
        if (aSegments.Length != bSegments.Length)
            return aSegments.Length.CompareTo(bSegments.Length);
        var aName = aSegments[^1];
        var bName = bSegments[^1];
        var byKind = KindRank(aName).CompareTo(KindRank(bName));
        return byKind != 0 ? byKind : CompareNatural(aName, bName);
    }

    private static int SectionRank(string[] segments)
    {
        if (segments.Length == 1)
            return 0;
        return segments[0].ToLowerInvariant() switch
        {
            "properties" => 1,
            "goods" => 2,
            _ => 3,
        };
    }

    private static int KindRank(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        if (name.StartsWith("import", StringComparison.Ordinal)) return 0;
        if (name.StartsWith("offers", StringComparison.Ordinal)) return 1;
        if (name.StartsWith("prices", StringComparison.Ordinal)) return 2;
        if (name.StartsWith("rests", StringComparison.Ordinal)) return 3;
        return 4;
    }

    /// <summary>Ordinal comparison, except that runs of digits compare by value ("2" before "10").</summary>
    private static int CompareNatural(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var iEnd = i;
                while (iEnd < a.Length && char.IsAsciiDigit(a[iEnd])) iEnd++;
                var jEnd = j;
                while (jEnd < b.Length && char.IsAsciiDigit(b[jEnd])) jEnd++;
                var aDigits = a.AsSpan(i, iEnd - i).TrimStart('0');
                var bDigits = b.AsSpan(j, jEnd - j).TrimStart('0');
                if (aDigits.Length != bDigits.Length)
                    return aDigits.Length.CompareTo(bDigits.Length);
                var byDigits = aDigits.SequenceCompareTo(bDigits);
                if (byDigits != 0)
                    return byDigits;
                i = iEnd;
                j = jEnd;
                continue;
            }
            if (a[i] != b[j])
                return a[i].CompareTo(b[j]);
            i++;
            j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}
