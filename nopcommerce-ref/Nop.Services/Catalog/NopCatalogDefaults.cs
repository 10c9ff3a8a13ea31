namespace Nop.Services.Catalog;

public static partial class NopCatalogDefaults
{
    public static string ChildCategoryIdLookupPrefix => "Nop.childcategoryidlookup.";

    public static string FeaturedProductIdsPrefix => "Nop.product.featured.";

    public static string ProductPricePrefix => "Nop.totals.productprice.{0}";

    public static string FilterableSpecificationAttributeOptionsPrefix => "Nop.specificationattributeoption";
}
