using Nop.Core.Domain.Catalog;
using Nop.Data;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Orders;
using Nop.Services.Media;
using OneCExchange.Core.CatalogExport;
using OneCExchange.Core.Ports;
using ManufacturerRef = OneCExchange.Core.CommerceMl.ManufacturerRef;
using ReferenceValue = OneCExchange.Core.CommerceMl.ReferenceValue;

namespace Nop.Plugin.Misc.OneCExchange.Services.CatalogExport;

/// <summary>
/// The store's catalog for type=get_catalog: categories as groups, specification attributes as properties, and the
/// products a page at a time, each page read with one query per table (never one per product). Offers (prices, stock,
/// attribute combinations) are read by <see cref="CatalogExportOfferReader"/>.
/// </summary>
public class NopCatalogExportSource : ICatalogExportSource
{
    #region Fields

    protected readonly IRepository<Product> _productRepository;
    protected readonly IRepository<Category> _categoryRepository;
    protected readonly IRepository<ProductCategory> _productCategoryRepository;
    protected readonly IRepository<Manufacturer> _manufacturerRepository;
    protected readonly IRepository<ProductManufacturer> _productManufacturerRepository;
    protected readonly IRepository<SpecificationAttribute> _attributeRepository;
    protected readonly IRepository<SpecificationAttributeOption> _optionRepository;
    protected readonly IRepository<ProductSpecificationAttribute> _productAttributeRepository;
    protected readonly IRepository<ProductPicture> _productPictureRepository;
    protected readonly IPictureService _pictureService;
    protected readonly ExportIdAssigner _ids;
    protected readonly CatalogExportOfferReader _offers;
    protected readonly OneCExchangeSettings _settings;

    #endregion

    #region Ctor

    public NopCatalogExportSource(IRepository<Product> productRepository,
        IRepository<Category> categoryRepository,
        IRepository<ProductCategory> productCategoryRepository,
        IRepository<Manufacturer> manufacturerRepository,
        IRepository<ProductManufacturer> productManufacturerRepository,
        IRepository<SpecificationAttribute> attributeRepository,
        IRepository<SpecificationAttributeOption> optionRepository,
        IRepository<ProductSpecificationAttribute> productAttributeRepository,
        IRepository<ProductPicture> productPictureRepository,
        IPictureService pictureService,
        ExportIdAssigner ids,
        CatalogExportOfferReader offers,
        OneCExchangeSettings settings)
    {
        _productRepository = productRepository;
        _categoryRepository = categoryRepository;
        _productCategoryRepository = productCategoryRepository;
        _manufacturerRepository = manufacturerRepository;
        _productManufacturerRepository = productManufacturerRepository;
        _attributeRepository = attributeRepository;
        _optionRepository = optionRepository;
        _productAttributeRepository = productAttributeRepository;
        _productPictureRepository = productPictureRepository;
        _pictureService = pictureService;
        _ids = ids;
        _offers = offers;
        _settings = settings;
    }

    #endregion

    public virtual async Task<ExportClassifier> GetClassifierAsync(CancellationToken cancellationToken)
    {
        var categories = await _categoryRepository.GetAllAsync(query => query.Where(c => !c.Deleted).OrderBy(c => c.Id));
        var categoryIds = await _ids.GetOrAssignAsync(OneCEntityType.Category, categories.Select(c => c.Id));
        var groups = categories
            .Select(c => new ExportGroup(categoryIds[c.Id], categoryIds.GetValueOrDefault(c.ParentCategoryId), c.Name))
            .ToList();

        var attributes = await _attributeRepository.GetAllAsync(query => query.OrderBy(a => a.DisplayOrder).ThenBy(a => a.Id));
        var options = await _optionRepository.GetAllAsync(query => query.OrderBy(o => o.DisplayOrder).ThenBy(o => o.Id));
        var (attributeKeys, optionValueIds) = await SpecificationKeysAsync(attributes.Select(a => a.Id), options);
        var optionsByAttribute = options.ToLookup(o => o.SpecificationAttributeId);
        var properties = attributes
            .Select(a => new ExportProperty(attributeKeys[a.Id], a.Name,
                optionsByAttribute[a.Id].Select(o => new ReferenceValue(optionValueIds[o.Id], o.Name)).ToList()))
            .ToList();

        var counted = await _productRepository.GetAllPagedAsync(query => query.Where(p => !p.Deleted), pageSize: 1, getOnlyTotalCount: true);
        return new ExportClassifier(groups, properties, counted.TotalCount);
    }

    public virtual Task<ExportOfferTerms> GetOfferTermsAsync(CancellationToken cancellationToken) => _offers.GetTermsAsync();

    public virtual async Task<ExportPage<ExportProduct>> GetProductsAsync(int afterProductId, int count, CancellationToken cancellationToken)
    {
        var products = await PageAsync(afterProductId, count);
        if (products.Count == 0)
            return new ExportPage<ExportProduct>([], afterProductId);
        var productIds = products.Select(p => p.Id).ToArray();
        var productKeys = await _ids.GetOrAssignAsync(OneCEntityType.Product, productIds);

        var productCategories = await _productCategoryRepository.GetAllAsync(query =>
            query.Where(pc => productIds.Contains(pc.ProductId)).OrderBy(pc => pc.DisplayOrder).ThenBy(pc => pc.Id));
        var groupIds = await _ids.GetOrAssignAsync(OneCEntityType.Category, productCategories.Select(pc => pc.CategoryId));
        var categoriesByProduct = productCategories.ToLookup(pc => pc.ProductId, pc => groupIds[pc.CategoryId]);

        var manufacturers = await ManufacturersAsync(productIds);
        var values = await PropertyValuesAsync(productIds);
        var images = _settings.ExportPictures ? await PictureUrlsAsync(productIds) : null;

        var page = products.Select(p => new ExportProduct
        {
            Id = productKeys[p.Id],
            Name = p.Name ?? "",
            Sku = p.Sku,
            Gtin = p.Gtin,
            FullName = PlainText.FromHtml(p.ShortDescription),
            Description = p.FullDescription,
            Weight = p.Weight,
            GroupIds = categoriesByProduct[p.Id].Distinct().ToList(),
            Manufacturer = manufacturers.GetValueOrDefault(p.Id),
            PropertyValues = values[p.Id].ToList(),
            Images = images?[p.Id].ToList() ?? [],
        }).ToList();
        return new ExportPage<ExportProduct>(page, products[^1].Id);
    }

    public virtual async Task<ExportPage<ExportOffer>> GetOffersAsync(int afterProductId, int count, CancellationToken cancellationToken)
    {
        var products = await PageAsync(afterProductId, count);
        if (products.Count == 0)
            return new ExportPage<ExportOffer>([], afterProductId);
        return new ExportPage<ExportOffer>(await _offers.ReadAsync(products), products[^1].Id);
    }

    /// <summary>The next products, lowest id first (the keyset both products and offers page through).</summary>
    public virtual Task<IList<Product>> PageAsync(int afterProductId, int count) =>
        _productRepository.GetAllAsync(query => query.Where(p => !p.Deleted && p.Id > afterProductId).OrderBy(p => p.Id).Take(count));

    /// <summary>
    /// 1C ids of specification attributes, and of their options as CommerceML reference values: an option's mapping
    /// key is "property/value" (the import's key); keys of free-text values ("property/=text", "property/*") are not ids.
    /// </summary>
    protected virtual async Task<(Dictionary<int, string> AttributeKeys, Dictionary<int, string> OptionValueIds)> SpecificationKeysAsync(
        IEnumerable<int> attributeIds, IList<SpecificationAttributeOption> options)
    {
        var attributeKeys = await _ids.GetOrAssignAsync(OneCEntityType.SpecificationAttribute,
            attributeIds.Concat(options.Select(o => o.SpecificationAttributeId)));
        var attributeOf = options.ToDictionary(o => o.Id, o => attributeKeys[o.SpecificationAttributeId]);
        var optionKeys = await _ids.GetOrAssignAsync(OneCEntityType.SpecificationAttributeOption, options.Select(o => o.Id),
            (optionId, key) => key.StartsWith(attributeOf[optionId] + "/", StringComparison.Ordinal)
                && key.Length > attributeOf[optionId].Length + 1 && key[attributeOf[optionId].Length + 1] is not ('=' or '*'),
            optionId => attributeOf[optionId] + "/" + ExportIdAssigner.NewId());
        var valueIds = optionKeys.ToDictionary(o => o.Key, o => o.Value[(attributeOf[o.Key].Length + 1)..]);
        return (attributeKeys, valueIds);
    }

    /// <summary>Each product's first manufacturer; one imported by name only ("=name") goes back without an Ид.</summary>
    protected virtual async Task<Dictionary<int, ManufacturerRef>> ManufacturersAsync(int[] productIds)
    {
        var links = (await _productManufacturerRepository.GetAllAsync(query =>
                query.Where(pm => productIds.Contains(pm.ProductId)).OrderBy(pm => pm.DisplayOrder).ThenBy(pm => pm.Id)))
            .GroupBy(pm => pm.ProductId).ToDictionary(g => g.Key, g => g.First().ManufacturerId);
        if (links.Count == 0)
            return [];
        var manufacturerIds = links.Values.Distinct().ToArray();
        var manufacturers = (await _manufacturerRepository.GetAllAsync(query => query.Where(m => manufacturerIds.Contains(m.Id) && !m.Deleted)))
            .ToDictionary(m => m.Id);
        var keys = await _ids.GetOrAssignAsync(OneCEntityType.Manufacturer, manufacturers.Keys);
        return links.Where(l => manufacturers.ContainsKey(l.Value)).ToDictionary(l => l.Key, l =>
            new ManufacturerRef(keys[l.Value].StartsWith('=') ? null : keys[l.Value], manufacturers[l.Value].Name ?? ""));
    }

    /// <summary>Specification values: an option as its reference value id, a custom value as its text.</summary>
    protected virtual async Task<ILookup<int, ExportPropertyValue>> PropertyValuesAsync(int[] productIds)
    {
        var links = await _productAttributeRepository.GetAllAsync(query =>
            query.Where(psa => productIds.Contains(psa.ProductId)).OrderBy(psa => psa.DisplayOrder).ThenBy(psa => psa.Id));
        var optionIds = links.Select(l => l.SpecificationAttributeOptionId).Distinct().ToArray();
        var options = optionIds.Length == 0 ? [] : await _optionRepository.GetAllAsync(query => query.Where(o => optionIds.Contains(o.Id)));
        var (attributeKeys, valueIds) = await SpecificationKeysAsync([], options);
        var optionById = options.ToDictionary(o => o.Id);
        return links.Where(l => optionById.ContainsKey(l.SpecificationAttributeOptionId)).ToLookup(l => l.ProductId, l =>
        {
            var option = optionById[l.SpecificationAttributeOptionId];
            var isOption = l.AttributeTypeId == (int)SpecificationAttributeType.Option || string.IsNullOrWhiteSpace(l.CustomValue);
            return new ExportPropertyValue(attributeKeys[option.SpecificationAttributeId], isOption ? valueIds[option.Id] : l.CustomValue);
        });
    }

    /// <summary>The products' pictures as absolute URLs, in display order.</summary>
    protected virtual async Task<ILookup<int, string>> PictureUrlsAsync(int[] productIds)
    {
        var links = await _productPictureRepository.GetAllAsync(query =>
            query.Where(pp => productIds.Contains(pp.ProductId)).OrderBy(pp => pp.DisplayOrder).ThenBy(pp => pp.Id));
        var urls = new List<(int ProductId, string Url)>(links.Count);
        foreach (var link in links)
        {
            var url = await _pictureService.GetPictureUrlAsync(link.PictureId, showDefaultPicture: false);
            if (!string.IsNullOrEmpty(url))
                urls.Add((link.ProductId, url));
        }
        return urls.ToLookup(u => u.ProductId, u => u.Url);
    }
}
