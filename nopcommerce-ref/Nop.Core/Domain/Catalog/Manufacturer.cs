using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Catalog;

public partial class Manufacturer : BaseEntity, ISoftDeletedEntity
{
    public string Name { get; set; }

    public int PageSize { get; set; }

    public bool AllowCustomersToSelectPageSize { get; set; }

    public string PageSizeOptions { get; set; }

    public bool Published { get; set; }

    public bool Deleted { get; set; }

    public int DisplayOrder { get; set; }

    public DateTime CreatedOnUtc { get; set; }

    public DateTime UpdatedOnUtc { get; set; }
}
