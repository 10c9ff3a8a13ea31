using OneCExchange.Synthetic;

namespace OneCExchange.Cli;

/// <summary>generate: writes a synthetic catalog package (import.xml + offers.xml) with <see cref="SyntheticPackageGenerator"/>.</summary>
public sealed class GenerateCommand : ICommand
{
    private static readonly string[] Known = ["products", "out", "properties", "images", "price-types", "warehouses", "variants-every", "deleted-every", "write-images"];

    public string Name => "generate";
    public string Usage => "generate --products N --out <folder> [--properties 10 --images 2 --price-types 3 --warehouses 2 --variants-every K --deleted-every K --write-images]";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            var line = new CommandLine(args, "write-images");
            var unknown = line.Names.FirstOrDefault(n => !Known.Contains(n));
            if (unknown != null || line.Positional.Count > 0 || line.Get("out") is not { } folder || !line.Has("products"))
            {
                error.WriteLine(unknown != null ? $"unknown option --{unknown}" : "usage: onec " + Usage);
                return 2;
            }
            var options = new SyntheticPackageOptions
            {
                Products = line.GetInt("products", 0),
                Properties = line.GetInt("properties", 10),
                Images = line.GetInt("images", 2),
                PriceTypes = line.GetInt("price-types", 3),
                Warehouses = line.GetInt("warehouses", 2),
                VariantsEvery = line.GetInt("variants-every", 0),
                DeletedEvery = line.GetInt("deleted-every", 0),
                WriteImageFiles = line.Has("write-images"),
            };
            var package = SyntheticPackageGenerator.Write(folder, options);
            output.WriteLine($"Wrote {package.ImportFile} ({new FileInfo(package.ImportFile).Length / 1024.0 / 1024.0:0.0} MB) " +
                             $"and {package.OffersFile} ({new FileInfo(package.OffersFile).Length / 1024.0 / 1024.0:0.0} MB): " +
                             $"{package.Groups} groups, {package.Properties} properties, {package.Products} products, " +
                             $"{package.Offers} offers ({package.Variants} variants), {package.PriceTypes} price types, {package.Warehouses} warehouses.");
            return 0;
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }
        catch (IOException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }
}
