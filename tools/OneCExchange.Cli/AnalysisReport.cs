using OneCExchange.Core.CommerceMl.Analysis;

namespace OneCExchange.Cli;

/// <summary>The human-readable form of a <see cref="PackageAnalysis"/>.</summary>
public sealed class AnalysisReport(PackageAnalysis analysis)
{
    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"Package: {analysis.Package}");
        output.WriteLine($"Files ({analysis.Files.Count}, in import order):");
        foreach (var file in analysis.Files)
        {
            var version = file.SchemaVersion == null ? "" : $"CommerceML {file.SchemaVersion}";
            var sections = file.Sections.Count == 0 ? "" : ", " + string.Join(" + ", file.Sections.Distinct());
            var status = file.Error != null ? "  ERROR" : file.WarningCount > 0 ? $"  {file.WarningCount} warning(s)" : "";
            output.WriteLine($"  {file.Path}  {FormatBytes(file.Bytes)}  {version}{sections}, {file.Records} records{status}");
        }
        output.WriteLine();
        output.WriteLine("Contents:");
        Line(output, "Groups", analysis.Groups, analysis.Groups > 0 ? $"(depth {analysis.MaxGroupDepth})" : null);
        Line(output, "Properties", analysis.Properties, analysis.ReferenceValues > 0 ? $"({analysis.ReferenceValues} reference values)" : null);
        Line(output, "Price types", analysis.PriceTypes);
        Line(output, "Warehouses", analysis.Warehouses);
        Line(output, "Units", analysis.Units);
        Line(output, "Products", analysis.Products, analysis.DeletedProducts > 0 ? $"({analysis.DeletedProducts} marked deleted)" : null);
        Line(output, "Offers", analysis.Offers, $"({analysis.Variants} variants{(analysis.DeletedOffers > 0 ? $", {analysis.DeletedOffers} marked deleted" : "")})");
        Line(output, "Prices", analysis.Prices);
        Line(output, "Stock entries", analysis.StockEntries, "(per warehouse)");
        Line(output, "Images", analysis.ImagesReferenced, $"referenced: {analysis.ImagesFound} found, {analysis.ImagesMissing} missing");
        output.WriteLine(analysis.ContainsOnlyChanges
            ? "  Exchange: changes only (СодержитТолькоИзменения=true)"
            : "  Exchange: full (items missing from it may be unpublished)");

        if (analysis.MissingImages.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Missing images:");
            foreach (var image in analysis.MissingImages)
                output.WriteLine("  " + image);
            if (analysis.ImagesMissing > analysis.MissingImages.Count)
                output.WriteLine($"  ... and {analysis.ImagesMissing - analysis.MissingImages.Count} more");
        }
        if (analysis.WarningCount > 0)
        {
            output.WriteLine();
            output.WriteLine($"Warnings ({analysis.WarningCount}):");
            foreach (var warning in analysis.Warnings)
                output.WriteLine("  " + warning);
            if (analysis.WarningCount > analysis.Warnings.Count)
                output.WriteLine($"  ... and {analysis.WarningCount - analysis.Warnings.Count} more");
        }
        if (analysis.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Errors:");
            foreach (var message in analysis.Errors)
                output.WriteLine("  " + message);
        }
        output.WriteLine();
        output.WriteLine(analysis.CanImport ? "Result: the package can be imported." : "Result: the package CANNOT be imported.");
    }

    private static void Line(TextWriter output, string label, long count, string? note = null) =>
        output.WriteLine($"  {label + ":",-15}{count,10}{(note == null ? "" : "  " + note)}");

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024.0 / 1024.0:0.0} MB",
        >= 1024 => $"{bytes / 1024.0:0.0} KB",
        _ => $"{bytes} B",
    };
}
