namespace OneCExchange.Synthetic;

/// <summary>The shape of a synthetic catalog package (see <see cref="SyntheticPackageGenerator"/>).</summary>
public sealed record SyntheticPackageOptions
{
    public int Products { get; init; } = 1000;
    /// <summary>Properties per product; every second one is a reference (Справочник) property.</summary>
    public int Properties { get; init; } = 10;
    /// <summary>Images referenced per product.</summary>
    public int Images { get; init; } = 2;
    public int PriceTypes { get; init; } = 3;
    public int Warehouses { get; init; } = 2;
    /// <summary>Every K-th product has three variants (offers "product#characteristic"); 0 for none.</summary>
    public int VariantsEvery { get; init; }
    /// <summary>Also write the referenced image files (tiny); off by default since large packages would need many files.</summary>
    public bool WriteImageFiles { get; init; }
    /// <summary>Every N-th product is marked deleted (ПометкаУдаления); 0 for none.</summary>
    public int DeletedEvery { get; init; }
}

/// <summary>What a generated package holds, by construction.</summary>
public sealed record SyntheticPackage(string Folder, string ImportFile, string OffersFile, int Groups, int Properties,
    int Products, int Offers, int Variants, int PriceTypes, int Warehouses, long ImagesReferenced);
