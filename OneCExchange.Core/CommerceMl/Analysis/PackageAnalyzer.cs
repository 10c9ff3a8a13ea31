namespace OneCExchange.Core.CommerceMl.Analysis;

/// <summary>Reads every XML file of a package in import order with one shared classifier context and counts what it holds.</summary>
public sealed class PackageAnalyzer
{
    /// <summary>Called now and then with the file being read, its bytes read so far and its length.</summary>
    public Action<string, long, long>? Progress { get; init; }

    public PackageAnalysis Analyze(PackageSource source)
    {
        var analysis = new PackageAnalysis { Package = source.Name };
        if (source.XmlFiles.Count == 0)
            analysis.Errors.Add("the package has no XML files");
        var context = new ClassifierContext();
        foreach (var file in source.XmlFiles)
            AnalyzeFile(source, file, context, analysis);
        analysis.PriceTypes = context.PriceTypeCount;
        analysis.Warehouses = context.WarehouseCount;
        return analysis;
    }

    private void AnalyzeFile(PackageSource source, string file, ClassifierContext context, PackageAnalysis analysis)
    {
        var length = source.Length(file);
        var result = new FileAnalysis { Path = file, Bytes = length };
        analysis.Files.Add(result);
        var folder = file.Contains('/') ? file[..file.LastIndexOf('/')] : "";
        using var stream = source.OpenRead(file);
        using var reader = new CommerceMlReader(stream, file, context);
        try
        {
            while (reader.Read())
            {
                result.Records++;
                Count(reader.Current, result, analysis, source, folder);
                if ((result.Records & 1023) == 0)
                    Progress?.Invoke(file, reader.BytesConsumed, length);
            }
        }
        catch (CommerceMlException e)
        {
            result.Error = e.Message;
            analysis.Errors.Add(e.Message);
        }
        Progress?.Invoke(file, length, length);
        result.WarningCount = reader.WarningCount;
        analysis.WarningCount += reader.WarningCount;
        foreach (var warning in reader.Warnings)
        {
            if (analysis.Warnings.Count >= PackageAnalysis.MaxListed)
                break;
            analysis.Warnings.Add(warning.ToString());
        }
    }

    private static void Count(CommerceMlRecord record, FileAnalysis file, PackageAnalysis analysis, PackageSource source, string folder)
    {
        switch (record)
        {
            case DocumentHeader header:
                file.SchemaVersion = header.SchemaVersion;
                file.Namespace = string.IsNullOrEmpty(header.Namespace) ? null : header.Namespace;
                break;
            case ClassifierHeader header:
                file.Sections.Add("Классификатор");
                analysis.ContainsOnlyChanges |= header.ContainsOnlyChanges;
                break;
            case CatalogHeader header:
                file.Sections.Add("Каталог");
                analysis.ContainsOnlyChanges |= header.ContainsOnlyChanges;
                break;
            case OfferPackageHeader header:
                file.Sections.Add("ПакетПредложений");
                analysis.ContainsOnlyChanges |= header.ContainsOnlyChanges;
                break;
            case Group group:
                analysis.Groups++;
                analysis.MaxGroupDepth = Math.Max(analysis.MaxGroupDepth, group.Depth + 1);
                break;
            case PropertyDefinition property:
                analysis.Properties++;
                analysis.ReferenceValues += property.ReferenceValues.Count;
                break;
            case UnitOfMeasure:
                analysis.Units++;
                break;
            case Product product:
                analysis.Products++;
                if (product.IsDeleted)
                    analysis.DeletedProducts++;
                foreach (var image in product.Images)
                    CountImage(image.Path, analysis, source, folder);
                break;
            case Offer offer:
                analysis.Offers++;
                if (offer.CharacteristicId != null)
                    analysis.Variants++;
                if (offer.IsDeleted)
                    analysis.DeletedOffers++;
                analysis.Prices += offer.Prices.Count;
                analysis.StockEntries += offer.Stocks.Count;
                break;
        }
    }

    /// <summary>An image path is relative to the package root, or (3.1 goods/N/ files) to a folder above the file.</summary>
    private static void CountImage(string path, PackageAnalysis analysis, PackageSource source, string folder)
    {
        analysis.ImagesReferenced++;
        var relative = path.Replace('\\', '/').TrimStart('/');
        if (source.Exists(relative))
        {
            analysis.ImagesFound++;
            return;
        }
        for (var dir = folder; dir.Length > 0; dir = dir.Contains('/') ? dir[..dir.LastIndexOf('/')] : "")
        {
            if (source.Exists(dir + "/" + relative))
            {
                analysis.ImagesFound++;
                return;
            }
        }
        if (analysis.MissingImages.Count < PackageAnalysis.MaxListed)
            analysis.MissingImages.Add(relative);
    }
}
