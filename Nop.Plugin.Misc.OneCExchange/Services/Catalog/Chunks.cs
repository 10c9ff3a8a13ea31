namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>Splits id/key lists for IN (...) queries: databases limit parameters per statement (SQL Server ~2100).</summary>
public static class Chunks
{
    public const int MaxQueryParameters = 1000;

    public static IEnumerable<List<T>> Of<T>(IEnumerable<T> items) =>
        items.Distinct().Chunk(MaxQueryParameters).Select(chunk => chunk.ToList());
}
