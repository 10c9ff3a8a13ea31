using Nop.Core.Domain.Customers;

namespace Nop.Core;

public partial interface IWorkContext
{
    Task SetCurrentCustomerAsync(Customer customer = null);
}
