namespace OneCExchange.Core.CommerceMl.Analysis;

/// <summary>What a catalog package contains, as counted by <see cref="PackageAnalyzer"/> (a dry run: nothing is stored).</summary>
public sealed class PackageAnalysis
{
    public const int MaxListed = 50;

    public required string Package { get; init; }
    public List<FileAnalysis> Files { get; } = [];
    public long Groups { get; set; }
    public int MaxGroupDepth { get; set; }
    public long Properties { get; set; }
    public long ReferenceValues { get; set; }
    public long PriceTypes { get; set; }
    public long Warehouses { get; set; }
    public long Units { get; set; }
    public long Products { get; set; }
    public long DeletedProducts { get; set; }
    public long Offers { get; set; }
    public long Variants { get; set; }
    public long DeletedOffers { get; set; }
    public long Prices { get; set; }
    public long StockEntries { get; set; }
    public long ImagesReferenced { get; set; }
    public long ImagesFound { get; set; }
    public long ImagesMissing => ImagesReferenced - ImagesFound;
    public List<string> MissingImages { get; } = [];
    public bool ContainsOnlyChanges { get; set; }
    public long WarningCount { get; set; }
    public List<string> Warnings { get; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>True when every file was read and the package carries catalog data.</summary>
    public bool CanImport => Errors.Count == 0 && Files.Count > 0
        && Groups + Properties + PriceTypes + Warehouses + Products + Offers > 0;
}

/// <summary>One file of the package.</summary>
public sealed class FileAnalysis
{
    public required string Path { get; init; }
    public long Bytes { get; init; }
    public string? SchemaVersion { get; set; }
    public string? Namespace { get; set; }
    public List<string> Sections { get; } = [];
    public long Records { get; set; }
    public long WarningCount { get; set; }
    public string? Error { get; set; }
}
