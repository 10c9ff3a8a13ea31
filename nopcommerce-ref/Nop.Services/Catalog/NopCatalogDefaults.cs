namespace Nop.Services.Catalog;

public static partial class NopCatalogDefaults
{
    public static string ChildCategoryIdLookupPrefix => throw new NotImplementedException();

    public static string FeaturedProductIdsPrefix => throw new NotImplementedException();

    public static string ProductPricePrefix => throw new NotImplementedException();

    public static string FilterableSpecificationAttributeOptionsPrefix => throw new NotImplementedException();
}
