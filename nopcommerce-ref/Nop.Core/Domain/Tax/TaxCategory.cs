namespace Nop.Core.Domain.Tax;

public partial class TaxCategory : BaseEntity
{
    public string Name { get; set; }
}
