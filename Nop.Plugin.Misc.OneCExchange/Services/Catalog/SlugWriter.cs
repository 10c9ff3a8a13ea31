using Nop.Core.Domain.Seo;
using Nop.Data;

namespace Nop.Plugin.Misc.OneCExchange.Services.Catalog;

/// <summary>
/// Writes the SEO slugs the pipeline made unique (transliterated, checked against the store) in one set-based insert,
/// instead of nopCommerce's per-entity ValidateSeNameAsync round trips.
/// </summary>
public class SlugWriter
{
    #region Fields

    protected readonly IRepository<UrlRecord> _urlRecords;

    #endregion

    #region Ctor

    public SlugWriter(IRepository<UrlRecord> urlRecords)
    {
        _urlRecords = urlRecords;
    }

    #endregion

    /// <param name="entityName">nopCommerce's entity name for slugs: "Product", "Category", "Manufacturer".</param>
    public virtual async Task AddAsync(CatalogBatchContext context, string entityName, IEnumerable<(int EntityId, string? Slug)> slugs)
    {
        var records = slugs
            .Where(s => !string.IsNullOrWhiteSpace(s.Slug))
            .Select(s => new UrlRecord { EntityId = s.EntityId, EntityName = entityName, Slug = s.Slug, IsActive = true, LanguageId = 0 })
            .ToList();
        if (records.Count == 0)
            return;
        await context.InsertAsync(_urlRecords, records);
    }
}
