using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Customers;

public partial class Customer : BaseEntity, ISoftDeletedEntity
{
    public Guid CustomerGuid { get; set; }

    public string Email { get; set; }

    public string FirstName { get; set; }

    public string LastName { get; set; }

    public string Company { get; set; }

    public string Phone { get; set; }

    public string CustomCustomerAttributesXML { get; set; }

    public bool Deleted { get; set; }
}
