using OneCExchange.Core.Ports;

namespace OneCExchange.Core.Catalog.Import;

/// <summary>A slug an entity created in this batch needs; allocated at flush time.</summary>
internal sealed class SlugRequest(string baseSlug)
{
    public string Base { get; } = baseSlug;
    public bool Needed { get; set; } = true;
    public int Attempt { get; set; } = 1;
    public string? Result { get; set; }
}

/// <summary>A new 1C product that may take over the store product with its SKU (setting AdoptProductsBySku).</summary>
internal sealed class ProductAdoption(string sku, SlugRequest slug)
{
    public string Sku { get; } = sku;
    /// <summary>The slug the product needs if no store product has this SKU.</summary>
    public SlugRequest Slug { get; } = slug;
    public int? ProductId { get; set; }
}

/// <summary>
/// Gives the categories, products and manufacturers created in a batch unique slugs (asking the store which candidates
/// are taken, a few rounds at most per flush) and finds the store products new 1C products adopt by SKU.
/// </summary>
internal sealed class SlugAllocator(ICatalogStore store, MappingIndex maps)
{
    private readonly List<SlugRequest> _requests = [];
    private readonly List<ProductAdoption> _adoptions = [];
    /// <summary>Slugs given out in the current flush (not yet in the store).</summary>
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public SlugRequest Request(string name, string fallback)
    {
        var request = new SlugRequest(SlugText.From(name, fallback));
        _requests.Add(request);
        return request;
    }

    public ProductAdoption Adopt(string sku, SlugRequest slug)
    {
        var adoption = new ProductAdoption(sku, slug);
        _adoptions.Add(adoption);
        return adoption;
    }

    /// <summary>Before a flush: resolves the adoptions, then allocates the slugs still needed.</summary>
    public async Task ResolveAsync(CancellationToken ct)
    {
        await ResolveAdoptionsAsync(ct);
        await AllocateAsync(ct);
    }

    /// <summary>After a flush: the slugs are now written and the store's check sees them.</summary>
    public void Clear()
    {
        _requests.Clear();
        _adoptions.Clear();
        _used.Clear();
    }

    private async Task ResolveAdoptionsAsync(CancellationToken ct)
    {
        if (_adoptions.Count == 0)
            return;
        var found = await store.FindProductsBySkuAsync(_adoptions.Select(a => a.Sku).Distinct().ToList(), ct);
        var taken = new HashSet<int>(maps.Loaded(CatalogEntityKind.Product).Values.Select(e => e.EntityId));
        foreach (var adoption in _adoptions)
        {
            // Never adopt a store product that is already mapped to another 1C product.
            if (found.TryGetValue(adoption.Sku, out var id) && taken.Add(id))
                adoption.ProductId = id;
            adoption.Slug.Needed = adoption.ProductId is null;
        }
    }

    private async Task AllocateAsync(CancellationToken ct)
    {
        var open = _requests.Where(r => r.Needed).ToList();
        for (var round = 0; open.Count > 0; round++)
        {
            var candidates = new Dictionary<string, SlugRequest>(StringComparer.OrdinalIgnoreCase);
            foreach (var request in open)
            {
                var candidate = Candidate(request, round);
                while (_used.Contains(candidate) || candidates.ContainsKey(candidate))
                {
                    request.Attempt++;
                    candidate = Candidate(request, round);
                }
                candidates[candidate] = request;
            }
            var taken = await store.FindTakenSlugsAsync(candidates.Keys.ToList(), ct);
            foreach (var (candidate, request) in candidates)
            {
                if (taken.Contains(candidate))
                {
                    request.Attempt++;
                    continue;
                }
                request.Result = candidate;
                _used.Add(candidate);
            }
            open = open.Where(r => r.Result is null).ToList();
        }
    }

    private static string Candidate(SlugRequest request, int round)
    {
        // After many collisions switch to a random suffix instead of counting on.
        var suffix = request.Attempt == 1 ? "" : round < 5 ? "-" + request.Attempt : "-" + Guid.NewGuid().ToString("N")[..8];
        var stem = request.Base.Length + suffix.Length > SlugText.MaxLength
            ? request.Base[..(SlugText.MaxLength - suffix.Length)].TrimEnd('-') : request.Base;
        return stem + suffix;
    }
}
